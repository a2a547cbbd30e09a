#pragma once

#include <QString>

namespace engine {

//! Where this app keeps its files and what it is, for the first-launch panel and Help → About.
struct AppInfo {
    QString version;     // engine::version()
    QString buildDate;   // engine::buildDate()
    QString dataDir;     // the data folder (journal, log, backups, API users)
    QString journalFile; // <dataDir>/memedesk.sqlite
    QString logFile;     // <dataDir>/memedesk.log
};

} // namespace engine
