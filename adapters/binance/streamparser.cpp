#include "adapters/binance/streamparser.h"

#include "adapters/binance/klineinterval.h"

#include <simdjson.h>

#include <string>

namespace adapters::binance {

namespace od = simdjson::ondemand;
using engine::Decimal;

namespace {

constexpr const char *kMalformed = "MALFORMED_FRAME";

engine::Error malformed(const QString &why) { return {QLatin1String(kMalformed), why}; }

//! Reads fields of one object in any order, remembering the first problem.
class Fields {
public:
    explicit Fields(od::object object) : m_object(object) {}

    bool ok() const { return m_problem.isEmpty(); }
    const QString &problem() const { return m_problem; }

    std::string_view str(const char *key)
    {
        std::string_view v;
        if (ok() && m_object.find_field_unordered(key).get_string().get(v) != simdjson::SUCCESS)
            fail(key, "missing or not a string");
        return v;
    }
    Decimal dec(const char *key)
    {
        const std::string_view text = str(key);
        if (!ok())
            return {};
        const auto d = Decimal::parseAscii(text);
        if (!d || d->isNegative()) {
            fail(key, "not a non-negative decimal");
            return {};
        }
        return *d;
    }
    qint64 integer(const char *key)
    {
        int64_t v = 0;
        if (ok() && m_object.find_field_unordered(key).get_int64().get(v) != simdjson::SUCCESS)
            fail(key, "missing or not an integer");
        return v;
    }
    bool flag(const char *key)
    {
        bool v = false;
        if (ok() && m_object.find_field_unordered(key).get_bool().get(v) != simdjson::SUCCESS)
            fail(key, "missing or not a boolean");
        return v;
    }
    od::object object(const char *key)
    {
        od::object o;
        if (ok() && m_object.find_field_unordered(key).get_object().get(o) != simdjson::SUCCESS)
            fail(key, "missing or not an object");
        return o;
    }
    od::array array(const char *key)
    {
        od::array a;
        if (ok() && m_object.find_field_unordered(key).get_array().get(a) != simdjson::SUCCESS)
            fail(key, "missing or not an array");
        return a;
    }
    void fail(const char *key, const char *why)
    {
        if (ok())
            m_problem = QStringLiteral("field %1: %2").arg(QLatin1String(key), QLatin1String(why));
    }

private:
    od::object m_object;
    QString m_problem;
};

QString symbolOf(std::string_view s) { return QString::fromLatin1(s.data(), qsizetype(s.size())).toUpper(); }

engine::Result<StreamEvent> trade(Fields &f)
{
    engine::TradeTick t;
    t.symbol = symbolOf(f.str("s"));
    t.price = f.dec("p");
    t.qty = f.dec("q");
    t.tsMs = f.integer("T");
    t.buyerIsMaker = f.flag("m");
    if (!f.ok())
        return malformed(f.problem());
    return StreamEvent(t);
}

engine::Result<StreamEvent> kline(Fields &f)
{
    const QString symbol = symbolOf(f.str("s"));
    Fields k(f.object("k"));
    if (!f.ok())
        return malformed(f.problem());
    engine::Candle c;
    c.symbol = symbol;
    c.openTimeMs = k.integer("t");
    c.intervalSec = klineIntervalSeconds(k.str("i"));
    c.open = k.dec("o");
    c.close = k.dec("c");
    c.high = k.dec("h");
    c.low = k.dec("l");
    c.volume = k.dec("v");
    c.closed = k.flag("x");
    if (!k.ok())
        return malformed(QStringLiteral("k.") + k.problem());
    if (c.intervalSec <= 0)
        return malformed(QStringLiteral("field k.i: not a fixed-length interval"));
    return StreamEvent(c);
}

bool levels(od::array array, QList<engine::BookLevel> *out, QString *why)
{
    for (auto entry : array) {
        od::array pair;
        if (entry.get_array().get(pair) != simdjson::SUCCESS) {
            *why = QStringLiteral("a level is not an array");
            return false;
        }
        std::string_view text[2];
        int n = 0;
        for (auto v : pair) {
            if (n >= 2 || v.get_string().get(text[n]) != simdjson::SUCCESS) {
                *why = QStringLiteral("a level is not [\"price\", \"qty\"]");
                return false;
            }
            ++n;
        }
        const auto price = Decimal::parseAscii(text[0]);
        const auto qty = Decimal::parseAscii(text[1]);
        if (n != 2 || !price || !qty || !price->isPositive() || qty->isNegative()) {
            *why = QStringLiteral("a level has a bad price or quantity");
            return false;
        }
        out->append({*price, *qty});
    }
    return true;
}

engine::Result<StreamEvent> depth(Fields &f)
{
    DepthUpdate d;
    d.symbol = symbolOf(f.str("s"));
    d.eventMs = f.integer("E");
    d.firstUpdateId = f.integer("U");
    d.finalUpdateId = f.integer("u");
    if (!f.ok())
        return malformed(f.problem());
    QString why;
    od::array bids = f.array("b");
    if (!f.ok() || !levels(bids, &d.bids, &why))
        return malformed(f.ok() ? QStringLiteral("field b: ") + why : f.problem());
    od::array asks = f.array("a");
    if (!f.ok() || !levels(asks, &d.asks, &why))
        return malformed(f.ok() ? QStringLiteral("field a: ") + why : f.problem());
    return StreamEvent(d);
}

engine::Result<StreamEvent> miniTicker(Fields &f)
{
    engine::Ticker24h t;
    t.symbol = symbolOf(f.str("s"));
    t.tsMs = f.integer("E");
    t.last = f.dec("c");
    t.open = f.dec("o");
    t.high = f.dec("h");
    t.low = f.dec("l");
    t.quoteVolume = f.dec("q");
    if (!f.ok())
        return malformed(f.problem());
    return StreamEvent(t);
}

engine::Result<StreamEvent> bookTicker(Fields &f)
{
    engine::BookUpdate b;
    b.symbol = symbolOf(f.str("s"));
    const Decimal bid = f.dec("b");
    const Decimal bidQty = f.dec("B");
    const Decimal ask = f.dec("a");
    const Decimal askQty = f.dec("A");
    if (!f.ok())
        return malformed(f.problem());
    b.bids = {{bid, bidQty}};
    b.asks = {{ask, askQty}};
    return StreamEvent(b);
}

} // namespace

struct StreamParser::Impl {
    od::parser parser;
    std::string buffer; // keeps simdjson's padding without a copy per frame
};

StreamParser::StreamParser() : m_impl(std::make_unique<Impl>()) {}
StreamParser::~StreamParser() = default;

engine::Result<StreamEvent> StreamParser::parse(std::string_view frame)
{
    std::string &buffer = m_impl->buffer;
    buffer.assign(frame);
    if (buffer.capacity() < frame.size() + simdjson::SIMDJSON_PADDING)
        buffer.reserve(frame.size() + simdjson::SIMDJSON_PADDING);
    od::document doc;
    if (m_impl->parser.iterate(simdjson::padded_string_view(buffer.data(), frame.size(), buffer.capacity())).get(doc)
        != simdjson::SUCCESS)
        return malformed(QStringLiteral("not JSON"));
    od::object root;
    if (doc.get_object().get(root) != simdjson::SUCCESS)
        return malformed(QStringLiteral("not a JSON object"));
    // Combined streams wrap the payload: {"stream": "pepeusdt@trade", "data": {...}}.
    od::object payload;
    if (root.find_field_unordered("data").get_object().get(payload) != simdjson::SUCCESS) {
        root.reset();
        payload = root;
    }
    Fields f(payload);
    std::string_view event;
    if (payload.find_field_unordered("e").get_string().get(event) != simdjson::SUCCESS) {
        // bookTicker has no event type; {"result": null, "id": 1} answers a subscription.
        payload.reset();
        std::string_view probe;
        if (payload.find_field_unordered("u").get_int64().error() == simdjson::SUCCESS
            && payload.find_field_unordered("b").get_string().get(probe) == simdjson::SUCCESS) {
            payload.reset();
            return bookTicker(f);
        }
        return StreamEvent(std::monostate{});
    }
    if (event == "trade" || event == "aggTrade")
        return trade(f);
    if (event == "kline")
        return kline(f);
    if (event == "depthUpdate")
        return depth(f);
    if (event == "24hrMiniTicker")
        return miniTicker(f);
    return StreamEvent(std::monostate{});
}

} // namespace adapters::binance
