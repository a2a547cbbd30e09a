#pragma once

#include "engine/api/botapi.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

namespace ui {

//! The journal's orders or fills as a table of any size: the row count comes from the
//! store, rows are fetched a page at a time when the view asks for them (asynchronously,
//! through BotApi::queryHistory), and only a bounded number of pages stay in memory.
//! Rows not loaded yet show a placeholder until their page arrives.
class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 60;
    static constexpr int kMaxInFlight = 2;
    static constexpr int kMaxWanted = 8;

    explicit HistoryModel(engine::BotApi &api, QObject *parent = nullptr);

    //! New filter (kind, symbol, side, date range; offset and limit are ignored): drops all rows and reloads.
    void setFilter(const engine::HistoryQuery &filter);
    [[nodiscard]] engine::HistoryQuery filter() const { return m_filter; }
    //! Reloads the current filter from scratch (rows disappear until the count is back).
    void reload();
    //! Re-reads the journal but keeps the current rows on screen until fresh ones arrive:
    //! for new rows at the top or the end while the user watches.
    void refreshRows();

    //! Rows matching the filter, as the store last reported.
    [[nodiscard]] qint64 totalRows() const { return m_total; }
    //! True until the first page of the current filter has answered.
    [[nodiscard]] bool isCounting() const { return m_counting; }
    [[nodiscard]] bool isRowLoaded(int row) const;
    [[nodiscard]] int cachedPageCount() const { return int(m_pages.size()); }
    [[nodiscard]] int requestCount() const { return m_requestCount; }
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    //! The row count changed (first answer, or the journal grew).
    void totalChanged(qint64 total);
    void pageLoaded(int page);
    //! A query failed; the page stays a placeholder until reload().
    void errorOccurred(const QString &message);

private:
    struct Page {
        QList<engine::Order> orders;
        QList<engine::Fill> fills;
        quint64 lastUse = 0;
        quint64 generation = 0;
    };

    void want(int page) const;
    void dispatch();
    void onPage(quint64 generation, int page, const engine::HistoryPage &result);
    void applyTotal(qint64 total);
    void evict();
    [[nodiscard]] QVariant cell(const Page &page, int indexInPage, int column, int role) const;

    engine::BotApi &m_api;
    engine::HistoryQuery m_filter;
    quint64 m_generation = 0;
    qint64 m_total = 0;
    bool m_counting = false;
    bool m_refreshing = false;
    int m_requestCount = 0;
    // Mutable: data() is const but is where the view tells us which rows it needs.
    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_wanted; // most recently wanted last
    mutable quint64 m_useClock = 0;
    QSet<int> m_inFlight;
    QSet<int> m_failed;
    mutable QTimer m_dispatchTimer;
};

} // namespace ui
