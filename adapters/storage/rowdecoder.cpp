#include "adapters/storage/rowdecoder.h"

#include <QSqlRecord>
#include <QVariant>

namespace adapters::storage {

RowDecoder::RowDecoder(const QSqlQuery &query, QString table, int keyColumn)
    : m_query(query)
    , m_table(std::move(table))
    , m_keyColumn(keyColumn)
{
}

void RowDecoder::fail(int column, const QString &why)
{
    if (!m_problem.isEmpty())
        return; // the first problem is the useful one
    m_problem = QStringLiteral("Journal %1 row '%2' cannot be read: column %3: %4")
                    .arg(m_table, m_query.value(m_keyColumn).toString(), m_query.record().fieldName(column), why);
}

QString RowDecoder::text(int column)
{
    return m_query.value(column).toString();
}

qint64 RowDecoder::integer(int column)
{
    const QVariant v = m_query.value(column);
    bool ok = false;
    const qint64 result = v.toLongLong(&ok);
    if (!ok) {
        fail(column, QStringLiteral("'%1' is not an integer").arg(v.toString()));
        return 0;
    }
    return result;
}

double RowDecoder::real(int column)
{
    const QVariant v = m_query.value(column);
    bool ok = false;
    const double result = v.toDouble(&ok);
    if (!ok) {
        fail(column, QStringLiteral("'%1' is not a number").arg(v.toString()));
        return 0;
    }
    return result;
}

engine::Decimal RowDecoder::decimal(int column)
{
    const QString raw = m_query.value(column).toString();
    QString why;
    const auto d = engine::Decimal::parse(QStringView(raw), &why);
    if (!d) {
        fail(column, QStringLiteral("'%1' is not a decimal (%2)").arg(raw.left(64), why));
        return {};
    }
    return *d;
}

engine::Side RowDecoder::side(int column)
{
    engine::Side s = engine::Side::Buy;
    if (!engine::parseSide(text(column), s))
        fail(column, QStringLiteral("unknown side '%1'").arg(text(column)));
    return s;
}

engine::OrderType RowDecoder::orderType(int column)
{
    engine::OrderType t = engine::OrderType::Market;
    if (!engine::parseOrderType(text(column), t))
        fail(column, QStringLiteral("unknown order type '%1'").arg(text(column)));
    return t;
}

engine::TimeInForce RowDecoder::timeInForce(int column)
{
    engine::TimeInForce t = engine::TimeInForce::Gtc;
    if (!engine::parseTimeInForce(text(column), t))
        fail(column, QStringLiteral("unknown time in force '%1'").arg(text(column)));
    return t;
}

engine::OrderStatus RowDecoder::orderStatus(int column)
{
    engine::OrderStatus s = engine::OrderStatus::Unknown;
    if (!engine::parseOrderStatus(text(column), s))
        fail(column, QStringLiteral("unknown order status '%1'").arg(text(column)));
    return s;
}

engine::TradingMode RowDecoder::tradingMode(int column)
{
    engine::TradingMode m = engine::TradingMode::Demo;
    if (!engine::parseTradingMode(text(column), m))
        fail(column, QStringLiteral("unknown trading mode '%1'").arg(text(column)));
    return m;
}

} // namespace adapters::storage
