#pragma once

#include "engine/api/botapi.h"

#include <QObject>
#include <QString>

#include <memory>

class QSaveFile;

namespace ui {

//! Writes every row matching a history filter to a CSV file, paging through
//! BotApi::queryHistory in the background. The file appears only when complete.
class CsvExporter final : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageSize = 500;

    explicit CsvExporter(engine::BotApi &api, QObject *parent = nullptr);
    ~CsvExporter() override;

    //! Starts an export; false (see errorString()) when one is running or the file cannot be opened.
    bool start(const engine::HistoryQuery &filter, const QString &path);
    //! Stops and discards the partial file.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_file != nullptr; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] qint64 rowsWritten() const { return m_written; }

Q_SIGNALS:
    //! Rows written so far out of the total that matched when the export began.
    void progress(qint64 written, qint64 total);
    //! ok = the file is complete; otherwise `message` says why not.
    void finished(bool ok, const QString &message);

private:
    void requestNext();
    void onPage(quint64 generation, const engine::HistoryPage &page);
    void finish(bool ok, const QString &message);

    engine::BotApi &m_api;
    engine::HistoryQuery m_filter;
    std::unique_ptr<QSaveFile> m_file;
    quint64 m_generation = 0;
    qint64 m_written = 0;
    qint64 m_total = -1; // unknown until the first page
    QString m_error;
};

} // namespace ui
