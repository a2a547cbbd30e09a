#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace engine {

//! The remote API as the user sets it in Trading Config (saved in the journal's settings; `--api`
//! on the command line overrides it for one run). Off by default, on loopback by default; another
//! address needs TLS or `allowInsecure`.
struct RemoteApiSettings {
    bool enabled = false;
    QString bindAddress = QStringLiteral("127.0.0.1");
    int port = 8787;
    bool allowInsecure = false;   // plain HTTP on a non-loopback address, on the user's word
    QString tlsCertificate;       // PEM files; both or neither
    QString tlsPrivateKey;
    QStringList corsOrigins;      // browser origins allowed to call; none by default

    //! As saved in the settings table ("api.enabled" = "1", "api.port" = "8787", …).
    [[nodiscard]] QHash<QString, QString> toSettings() const;
    //! From saved settings; keys that are absent or unreadable keep their defaults.
    static RemoteApiSettings fromSettings(const QHash<QString, QString> &settings);
};

//! Whether the remote API runs, where, and why not.
struct RemoteApiState {
    bool running = false;
    QString url;              // "http://127.0.0.1:8787" while running
    QString error;            // why the last start failed (English, for the log and the form)
    int users = 0;            // users who can sign in; 0 = add one with `memedesk user add`
    bool fromCommandLine = false; // --api decides for this run (saved settings wait for the next)
};

} // namespace engine
