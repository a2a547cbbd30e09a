#include "engine/backtest/csvbarreader.h"

#include <QFileInfo>

#include <array>
#include <string_view>

namespace engine {

namespace {

constexpr qint64 kMicrosecondTimes = 100'000'000'000'000; // a ms time this large is year 5138: it is µs

// Splits a row at commas into at most N fields; returns how many there were (more than N counts).
template<std::size_t N>
int split(std::string_view row, std::array<std::string_view, N> &fields)
{
    int n = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = row.find(',', start);
        const std::string_view field = row.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (n < int(N))
            fields[std::size_t(n)] = field;
        ++n;
        if (comma == std::string_view::npos)
            return n;
        start = comma + 1;
    }
}

bool parseInteger(std::string_view text, qint64 *out)
{
    if (text.empty() || text.size() > 19)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    return s;
}

} // namespace

CsvBarReader::CsvBarReader(QString path, QString symbol, qint64 fromMs, qint64 toMs)
    : m_path(std::move(path))
    , m_symbol(std::move(symbol))
    , m_fromMs(fromMs)
    , m_toMs(toMs)
    , m_file(m_path)
{
}

Error CsvBarReader::invalid(const QString &why) const
{
    return Error{QStringLiteral("BAR_DATA_INVALID"),
                 QStringLiteral("%1, line %2: %3").arg(QFileInfo(m_path).fileName()).arg(m_line).arg(why)};
}

Result<void> CsvBarReader::open()
{
    m_opened = true;
    if (!m_file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("BAR_DATA_UNREADABLE"), QStringLiteral("cannot read %1: %2").arg(m_path, m_file.errorString())};
    const QByteArray first = m_file.readLine();
    m_line = 1;
    const std::string_view head = trimmed(std::string_view(first.constData(), std::size_t(first.size())));
    if (head.empty())
        return invalid(QStringLiteral("the file is empty"));
    std::array<std::string_view, 12> f{};
    const int n = split(head, f);
    if (head.substr(0, 7) == "symbol,") {
        if (n != 8 || f[1] != "open_time_ms" || f[3] != "open" || f[6] != "close" || f[7] != "volume")
            return invalid(QStringLiteral("the header is not symbol,open_time_ms,open_time_utc,open,high,low,close,volume"));
        m_format = Format::MemedeskOhlcv;
        return {};
    }
    if (n == 12) {
        m_format = Format::BinanceKlines;
        qint64 ignored = 0;
        if (parseInteger(f[0], &ignored))
            m_pending = first; // no header: the first line is a bar
        return {};
    }
    return invalid(QStringLiteral("neither a Memedesk OHLCV header nor a 12-column Binance kline row (%1 columns)").arg(n));
}

Result<bool> CsvBarReader::next(Candle &bar)
{
    if (!m_opened) {
        if (const Result<void> opened = open(); !opened)
            return opened.error();
    }
    if (!m_file.isOpen())
        return Error{QStringLiteral("BAR_DATA_UNREADABLE"), QStringLiteral("%1 is not open").arg(m_path)};
    while (true) {
        QByteArray row;
        if (!m_pending.isEmpty()) {
            row = std::exchange(m_pending, QByteArray());
        } else {
            if (m_file.atEnd())
                break;
            row = m_file.readLine();
            ++m_line;
            if (row.isEmpty() && m_file.error() != QFileDevice::NoError)
                return Error{QStringLiteral("BAR_DATA_UNREADABLE"),
                             QStringLiteral("%1, line %2: %3").arg(m_path).arg(m_line).arg(m_file.errorString())};
        }
        const Result<bool> parsed = parseRow(row, bar);
        if (!parsed || parsed.value())
            return parsed;
    }
    if (m_bars == 0)
        return invalid(m_symbol.isEmpty() ? QStringLiteral("no bars in the file")
                                          : QStringLiteral("no bars of %1 in the file (in the range asked for)").arg(m_symbol));
    return false;
}

// true: a bar of ours; false: a row to skip (another symbol, outside the range, a blank line).
Result<bool> CsvBarReader::parseRow(const QByteArray &raw, Candle &bar)
{
    const std::string_view row = trimmed(std::string_view(raw.constData(), std::size_t(raw.size())));
    if (row.empty())
        return false; // a blank line (the end of a file written with one more newline)
    std::array<std::string_view, 12> f{};
    const int n = split(row, f);
    const bool ohlcv = m_format == Format::MemedeskOhlcv;
    const int want = ohlcv ? 8 : 12;
    if (n != want)
        return invalid(QStringLiteral("%1 columns, %2 expected (a truncated or malformed row)").arg(n).arg(want));
    QString symbol;
    std::string_view timeField;
    int firstPrice = 0;
    if (ohlcv) {
        const std::string_view s = f[0];
        if (!m_symbol.isEmpty() && (s.size() != std::size_t(m_symbol.size()) || QLatin1String(s.data(), qsizetype(s.size())) != m_symbol))
            return false;
        symbol = m_symbol.isEmpty() ? QString::fromLatin1(s.data(), qsizetype(s.size())) : m_symbol;
        if (symbol.isEmpty())
            return invalid(QStringLiteral("a row without a symbol"));
        timeField = f[1];
        firstPrice = 3;
    } else {
        symbol = m_symbol;
        timeField = f[0];
        firstPrice = 1;
    }
    qint64 openMs = 0;
    if (!parseInteger(timeField, &openMs))
        return invalid(QStringLiteral("the open time '%1' is not a whole number").arg(QString::fromLatin1(timeField.data(), qsizetype(timeField.size()))));
    if (!ohlcv) {
        qint64 closeMs = 0;
        if (!parseInteger(f[6], &closeMs))
            return invalid(QStringLiteral("the close time is not a whole number"));
        if (openMs >= kMicrosecondTimes) {
            openMs /= 1000;
            closeMs /= 1000;
        }
        if (closeMs < openMs)
            return invalid(QStringLiteral("the close time is before the open time"));
        bar.intervalSec = int((closeMs - openMs + 1) / 1000);
    }
    std::array<Decimal, 5> v;
    static constexpr const char *kNames[] = {"open", "high", "low", "close", "volume"};
    for (int i = 0; i < 5; ++i) {
        QString why;
        const std::string_view field = f[std::size_t(firstPrice + i)];
        const std::optional<Decimal> d = Decimal::parseAscii(field, &why);
        if (!d)
            return invalid(QStringLiteral("%1 '%2' is not a decimal number (%3)")
                               .arg(QLatin1String(kNames[i]), QString::fromLatin1(field.data(), qsizetype(std::min<std::size_t>(field.size(), 40))), why));
        v[std::size_t(i)] = *d;
    }
    const auto &[open, high, low, close, volume] = v;
    if (!open.isPositive() || !high.isPositive() || !low.isPositive() || !close.isPositive())
        return invalid(QStringLiteral("prices must be above 0"));
    if (low > open || low > close || high < open || high < close || low > high)
        return invalid(QStringLiteral("low %1 / high %2 do not hold open %3 and close %4")
                           .arg(low.toString(), high.toString(), open.toString(), close.toString()));
    if (volume.isNegative())
        return invalid(QStringLiteral("a negative volume"));
    auto last = m_lastMs.find(symbol);
    if (last != m_lastMs.end() && openMs <= *last)
        return invalid(QStringLiteral("%1 at %2 is not after its previous bar at %3").arg(symbol).arg(openMs).arg(*last));
    if (last == m_lastMs.end())
        m_lastMs.insert(symbol, openMs);
    else
        *last = openMs;
    if (openMs < m_fromMs || openMs > m_toMs)
        return false;
    ++m_bars;
    bar.symbol = symbol;
    bar.openTimeMs = openMs;
    bar.open = open;
    bar.high = high;
    bar.low = low;
    bar.close = close;
    bar.volume = volume;
    bar.closed = true;
    return true;
}

} // namespace engine
