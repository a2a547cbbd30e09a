#include "adapters/storage/sqlbars.h"

#include <QSqlError>
#include <QVariant>

namespace adapters::storage {

namespace {

engine::Error unreadable(const QString &symbol, const QSqlQuery &q)
{
    return engine::Error{QStringLiteral("BAR_DATA_UNREADABLE"),
                         QStringLiteral("reading the stored bars of %1: %2").arg(symbol, q.lastError().text())};
}

} // namespace

SqlBars::SqlBars(const QSqlDatabase &db, QString symbol, const QString &sql, const QVariantList &binds)
    : m_query(db)
    , m_symbol(std::move(symbol))
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        return;
    for (const QVariant &v : binds)
        m_query.addBindValue(v);
    m_ok = m_query.exec();
}

engine::Result<bool> SqlBars::next(engine::Candle &bar)
{
    if (!m_ok)
        return unreadable(m_symbol, m_query);
    if (!m_query.next()) {
        if (m_query.lastError().isValid())
            return unreadable(m_symbol, m_query);
        if (m_rows == 0)
            return engine::Error{QStringLiteral("BAR_DATA_INVALID"), QStringLiteral("no stored bars of %1 in that range").arg(m_symbol)};
        return false;
    }
    bar.symbol = m_symbol;
    bar.openTimeMs = m_query.value(0).toLongLong();
    bar.intervalSec = m_query.value(6).toInt();
    engine::Decimal *fields[] = {&bar.open, &bar.high, &bar.low, &bar.close, &bar.volume};
    for (int i = 0; i < 5; ++i) {
        const auto d = engine::Decimal::parse(m_query.value(i + 1).toString());
        if (!d)
            return engine::Error{QStringLiteral("BAR_DATA_INVALID"),
                                 QStringLiteral("the stored bar of %1 at %2 has an unreadable value").arg(m_symbol).arg(bar.openTimeMs)};
        *fields[i] = *d;
    }
    if (!bar.close.isPositive() || bar.low > bar.high)
        return engine::Error{QStringLiteral("BAR_DATA_INVALID"),
                             QStringLiteral("the stored bar of %1 at %2 is not a bar").arg(m_symbol).arg(bar.openTimeMs)};
    bar.closed = true;
    ++m_rows;
    return true;
}

} // namespace adapters::storage
