#pragma once

#include "engine/api/botapi.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ui {

class BotModel;

class CsvExporter;
class HistoryModel;

//! Every order or fill in the journal, filtered by symbol, side and dates, paged on
//! demand, with CSV export of all matching rows.
class HistoryView final : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(BotModel &model, QWidget *parent = nullptr);
    ~HistoryView() override;

    //! Reads the journal the first time; later shows new rows when the table is at the top.
    void refresh();
    //! The filter as set in the controls.
    [[nodiscard]] engine::HistoryQuery currentFilter() const;
    //! Applies the controls' filter to the table.
    void applyFilter();
    //! Exports all rows matching the current filter to `path` in the background.
    bool exportCsv(const QString &path);
    [[nodiscard]] HistoryModel *model() const { return m_model; }
    [[nodiscard]] CsvExporter *exporter() const { return m_exporter; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void chooseExportFile();
    void updateSummary();
    void resizeColumns();
    void loadSymbols();
    void markStale(engine::HistoryQuery::Kind kind);
    void setDefaultDates(qint64 clockMs);

    engine::BotApi &m_api;
    HistoryModel *m_model;
    CsvExporter *m_exporter;
    QComboBox *m_kind;
    QComboBox *m_symbol;
    QComboBox *m_side;
    QCheckBox *m_fromEnabled;
    QDateTimeEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateTimeEdit *m_to;
    QPushButton *m_apply;
    QPushButton *m_reload;
    QPushButton *m_export;
    QPushButton *m_cancelExport;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_exportStatus;
    QTableView *m_table;
    bool m_loadedOnce = false;
    bool m_stale = false; // the journal has rows the table does not show yet
    bool m_datesSet = false;
    QString m_lastError;
};

} // namespace ui
