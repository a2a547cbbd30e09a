#include "ui/models/historymodel.h"

#include "ui/models/historycolumns.h"
#include "ui/theme.h"

#include <QColor>

#include <algorithm>
#include <limits>

namespace ui {

HistoryModel::HistoryModel(engine::BotApi &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{
    // Requests go out from the event loop, never from inside data(): a view may be painting.
    m_dispatchTimer.setSingleShot(true);
    m_dispatchTimer.setInterval(0);
    connect(&m_dispatchTimer, &QTimer::timeout, this, &HistoryModel::dispatch);
}

void HistoryModel::setFilter(const engine::HistoryQuery &filter)
{
    beginResetModel();
    m_filter = filter;
    m_filter.offset = 0;
    m_filter.limit = kPageSize;
    ++m_generation;
    m_total = 0;
    m_pages.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_failed.clear();
    m_refreshing = false;
    endResetModel();
    Q_EMIT totalChanged(0);
    // Page 0 answers the count as well.
    m_counting = true;
    want(0);
}

void HistoryModel::reload()
{
    setFilter(m_filter);
}

void HistoryModel::refreshRows()
{
    ++m_generation;
    m_inFlight.clear();
    m_wanted.clear();
    m_failed.clear();
    m_refreshing = true;
    want(0);
}

bool HistoryModel::isRowLoaded(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.constEnd())
        return false;
    const int i = row % kPageSize;
    return i < (m_filter.kind == engine::HistoryQuery::Kind::Fills ? it->fills.size() : it->orders.size());
}

void HistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_total);
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : HistoryColumns::count(m_filter.kind);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_total)
        return {};
    if (role == Qt::TextAlignmentRole) {
        return HistoryColumns::isNumeric(m_filter.kind, index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole)
        return {};
    const int pageNo = index.row() / kPageSize;
    const auto it = m_pages.find(pageNo);
    if (it == m_pages.end()) {
        if (role == Qt::ForegroundRole)
            return Theme::muted();
        want(pageNo);
        if (role == Qt::DisplayRole && index.column() == 0)
            return m_failed.contains(pageNo) ? tr("(not loaded)") : tr("Loading…");
        return {};
    }
    it->lastUse = ++m_useClock;
    return cell(*it, index.row() % kPageSize, index.column(), role);
}

QVariant HistoryModel::cell(const Page &page, int i, int column, int role) const
{
    const bool fills = m_filter.kind == engine::HistoryQuery::Kind::Fills;
    if (i >= (fills ? page.fills.size() : page.orders.size())) // the store returned a short page
        return role == Qt::DisplayRole && column == 0 ? QVariant(QStringLiteral("—")) : QVariant();
    if (role == Qt::DisplayRole)
        return fills ? HistoryColumns::display(page.fills.at(i), column)
                     : HistoryColumns::display(page.orders.at(i), column);
    if (role == Qt::ForegroundRole && column == HistoryColumns::kSideColumn) {
        const engine::Side side = fills ? page.fills.at(i).side : page.orders.at(i).side;
        return side == engine::Side::Buy ? Theme::positive() : Theme::negative();
    }
    if (role == Qt::ToolTipRole && !fills && column == HistoryColumns::kOrderReasonColumn)
        return page.orders.at(i).reason;
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return HistoryColumns::title(m_filter.kind, section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void HistoryModel::want(int page) const
{
    if (m_inFlight.contains(page) || m_failed.contains(page))
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    // A fast scroll passes over many pages; only the latest ones still matter.
    while (m_wanted.size() > kMaxWanted)
        m_wanted.removeFirst();
    if (!m_dispatchTimer.isActive())
        m_dispatchTimer.start();
}

void HistoryModel::dispatch()
{
    while (m_inFlight.size() < kMaxInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        const auto cached = m_pages.constFind(page);
        if (m_inFlight.contains(page) || (cached != m_pages.constEnd() && cached->generation == m_generation))
            continue; // a page kept from before refreshRows() is fetched again
        engine::HistoryQuery q = m_filter;
        q.offset = page * kPageSize;
        q.limit = kPageSize;
        m_inFlight.insert(page);
        ++m_requestCount;
        const quint64 generation = m_generation;
        m_api.queryHistory(q, this, [this, generation, page](const engine::HistoryPage &result) {
            onPage(generation, page, result);
        });
    }
}

void HistoryModel::onPage(quint64 generation, int page, const engine::HistoryPage &result)
{
    if (generation != m_generation)
        return; // answer to an old filter
    m_inFlight.remove(page);
    if (page == 0)
        m_counting = false;
    if (page == 0 && m_refreshing && !result.error) {
        // Fresh count and first rows: everything cached before the refresh is stale now.
        m_refreshing = false;
        for (auto it = m_pages.begin(); it != m_pages.end();)
            it = it->generation == m_generation ? std::next(it) : m_pages.erase(it);
    }
    if (result.error) {
        m_failed.insert(page);
        Q_EMIT errorOccurred(result.error->message);
        if (page * kPageSize < m_total)
            Q_EMIT dataChanged(index(page * kPageSize, 0),
                               index(int(std::min<qint64>(m_total, (page + 1) * qint64(kPageSize))) - 1,
                                     columnCount() - 1));
        dispatch();
        return;
    }
    applyTotal(result.total);
    Page entry;
    entry.orders = result.orders;
    entry.fills = result.fills;
    entry.lastUse = ++m_useClock;
    entry.generation = m_generation;
    m_pages.insert(page, entry);
    evict();
    const qint64 first = qint64(page) * kPageSize;
    if (page == 0 && m_total > 0) {
        // After a refresh every row may have moved: repaint all, visible pages re-fetch.
        Q_EMIT dataChanged(index(0, 0), index(int(m_total) - 1, columnCount() - 1));
    } else if (first < m_total) {
        const qint64 last = std::min<qint64>(m_total, first + kPageSize) - 1;
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
    }
    Q_EMIT pageLoaded(page);
    dispatch();
}

void HistoryModel::applyTotal(qint64 total)
{
    total = std::clamp<qint64>(total, 0, std::numeric_limits<int>::max());
    if (total == m_total)
        return;
    if (total > m_total) {
        beginInsertRows({}, int(m_total), int(total) - 1);
        m_total = total;
        endInsertRows();
    } else {
        beginRemoveRows({}, int(total), int(m_total) - 1);
        m_total = total;
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (qint64(it.key()) * kPageSize >= total)
                it = m_pages.erase(it);
            else
                ++it;
        }
        endRemoveRows();
    }
    Q_EMIT totalChanged(m_total);
}

void HistoryModel::evict()
{
    while (m_pages.size() > kMaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

} // namespace ui
