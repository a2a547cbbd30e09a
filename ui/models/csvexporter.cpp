#include "ui/models/csvexporter.h"

#include "ui/models/csv.h"
#include "ui/models/historycolumns.h"

#include <QSaveFile>

namespace ui {

CsvExporter::CsvExporter(engine::BotApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

CsvExporter::~CsvExporter()
{
    if (m_file)
        m_file->cancelWriting();
}

bool CsvExporter::start(const engine::HistoryQuery &filter, const QString &path)
{
    if (m_file) {
        m_error = tr("An export is already running.");
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_filter = filter;
    m_filter.offset = 0;
    m_filter.limit = kPageSize;
    m_written = 0;
    m_total = -1;
    m_error.clear();
    ++m_generation;
    m_file->write(csv::row(HistoryColumns::csvHeader(m_filter.kind)).toUtf8());
    requestNext();
    return true;
}

void CsvExporter::cancel()
{
    if (m_file)
        finish(false, tr("Export cancelled."));
}

void CsvExporter::requestNext()
{
    const quint64 generation = m_generation;
    m_api.queryHistory(m_filter, this, [this, generation](const engine::HistoryPage &page) {
        onPage(generation, page);
    });
}

void CsvExporter::onPage(quint64 generation, const engine::HistoryPage &page)
{
    if (generation != m_generation || !m_file)
        return;
    if (page.error) {
        finish(false, tr("The history query failed: %1").arg(page.error->message));
        return;
    }
    // Rows that arrive while exporting are left for the next export: the count is fixed at the start.
    if (m_total < 0)
        m_total = page.total;
    QByteArray chunk;
    const bool fills = m_filter.kind == engine::HistoryQuery::Kind::Fills;
    const qint64 rows = fills ? page.fills.size() : page.orders.size();
    const qint64 take = std::min(rows, m_total - m_written);
    for (qint64 i = 0; i < take; ++i) {
        const QStringList fields = fills ? HistoryColumns::csvFields(page.fills.at(i))
                                         : HistoryColumns::csvFields(page.orders.at(i));
        chunk += csv::row(fields).toUtf8();
    }
    if (m_file->write(chunk) != chunk.size()) {
        finish(false, tr("Writing the file failed: %1").arg(m_file->errorString()));
        return;
    }
    m_written += take;
    m_filter.offset += int(rows);
    Q_EMIT progress(m_written, m_total);
    if (m_written >= m_total || rows == 0) {
        finish(true, tr("Exported %n row(s).", nullptr, int(m_written)));
        return;
    }
    requestNext();
}

void CsvExporter::finish(bool ok, const QString &message)
{
    ++m_generation; // late answers are ignored
    std::unique_ptr<QSaveFile> file = std::move(m_file);
    if (ok && !file->commit()) {
        ok = false;
        m_error = tr("Saving the file failed: %1").arg(file->errorString());
        Q_EMIT finished(false, m_error);
        return;
    }
    if (!ok) {
        file->cancelWriting();
        m_error = message;
    }
    Q_EMIT finished(ok, message);
}

} // namespace ui
