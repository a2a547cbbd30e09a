#include "app/logging.h"

#include "app/crashreport.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <map>
#include <memory>

namespace app {

namespace {
std::vector<spdlog::sink_ptr> g_sinks;
std::mutex g_loggersMutex;

std::shared_ptr<spdlog::logger> loggerFor(const QString &category)
{
    const std::string name = category.isEmpty() ? std::string("engine") : category.toStdString();
    std::lock_guard lock(g_loggersMutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, g_sinks.begin(), g_sinks.end());
    spdlog::initialize_logger(logger); // registers it and applies the global pattern
    logger->set_level(spdlog::level::debug);
    return logger;
}
} // namespace

Redactor &Redactor::instance()
{
    static Redactor r;
    return r;
}

void Redactor::addSecret(const QString &value)
{
    if (value.size() < 4)
        return; // too short to mask without mangling ordinary words
    QMutexLocker lock(&m_mutex);
    if (!m_secrets.contains(value))
        m_secrets << value;
}

QString Redactor::redact(QString text) const
{
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &s : m_secrets)
            text.replace(s, QStringLiteral("***"));
    }
    static const QRegularExpression keyValue(
        QStringLiteral(R"((api[_-]?key|api[_-]?secret|secret|signature|password|passphrase|private[_-]?key|token)(\s*[=:]\s*)("[^"]*"|[^\s,&;]+))"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(keyValue, QStringLiteral("\\1\\2***"));
    return text;
}

namespace {
// Adapters that link only Qt log through QLoggingCategory ("memedesk.storage");
// route those into the same redacted log file.
void qtMessageToSpdlog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString category = QString::fromLatin1(context.category ? context.category : "qt");
    if (category.startsWith(QLatin1String("memedesk.")))
        category = category.mid(9);
    engine::LogEntry::Level level = engine::LogEntry::Level::Info;
    switch (type) {
    case QtDebugMsg: level = engine::LogEntry::Level::Debug; break;
    case QtInfoMsg: level = engine::LogEntry::Level::Info; break;
    case QtWarningMsg: level = engine::LogEntry::Level::Warning; break;
    case QtCriticalMsg:
    case QtFatalMsg: level = engine::LogEntry::Level::Error; break;
    }
    writeLog({0, level, category, message});
}
} // namespace

QString logFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("memedesk.log"));
}

void setupLogging(const QString &dataDir, bool verboseConsole)
{
    QDir().mkpath(dataDir);
    const std::string file = logFilePath(dataDir).toStdString();
    g_sinks.clear();
    try {
        auto fileSink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 5 * 1024 * 1024, 3);
        fileSink->set_level(spdlog::level::debug);
        g_sinks.push_back(fileSink);
    } catch (const spdlog::spdlog_ex &e) {
        fprintf(stderr, "memedesk: cannot open log file %s: %s\n", file.c_str(), e.what());
    }
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(verboseConsole ? spdlog::level::info : spdlog::level::warn);
    g_sinks.push_back(console);
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e [%n] %l: %v");
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageToSpdlog);
}

void writeLog(const engine::LogEntry &e)
{
    if (g_sinks.empty())
        return;
    auto logger = loggerFor(e.category);
    const std::string msg = Redactor::instance().redact(e.message).toStdString();
    // The same redacted line, kept for a crash report.
    static const char *const kLevels[] = {"debug", "info", "warning", "error"};
    crash::remember(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toStdString() + " [" +
                    e.category.toStdString() + "] " + kLevels[int(e.level)] + ": " + msg);
    switch (e.level) {
    case engine::LogEntry::Level::Debug: logger->debug(msg); break;
    case engine::LogEntry::Level::Info: logger->info(msg); break;
    case engine::LogEntry::Level::Warning: logger->warn(msg); break;
    case engine::LogEntry::Level::Error: logger->error(msg); break;
    }
}

void shutdownLogging()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
    g_sinks.clear();
}

} // namespace app
