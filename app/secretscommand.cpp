#include "app/secretscommand.h"

#include "app/hiddeninput.h"
#include "app/venueregistry.h"

#include "adapters/keychain/qtkeychainsecretstore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QRegularExpression>

#include <cstdio>
#include <optional>


namespace app {

namespace {

QString keychainService()
{
    const QByteArray svc = qgetenv("MEMEDESK_KEYCHAIN_SERVICE"); // tests isolate their entries
    return svc.isEmpty() ? QStringLiteral("memedesk") : QString::fromUtf8(svc);
}

int usage(const QString &message)
{
    fprintf(stderr,
            "%s\n\nmemedesk secrets set NAME     store a secret (value from standard input, not echoed)\n"
            "memedesk secrets delete NAME  remove it\n"
            "memedesk secrets list         every known name and whether it is set\n"
            "Known names: %s\n",
            qPrintable(message), qPrintable(knownSecretNames().join(QStringLiteral(", "))));
    return 2;
}

} // namespace

int runSecretsCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    if (!p.parse(arguments))
        return usage(p.errorText());
    const QStringList pos = p.positionalArguments(); // "secrets", action, [name]
    if (p.isSet(QStringLiteral("help")))
        return usage(QStringLiteral("memedesk secrets: the OS keychain from the command line"));
    const QString action = pos.value(1);
    const QString name = pos.value(2);
    const QStringList known = knownSecretNames();
    if (action == QLatin1String("list")) {
        if (pos.size() != 2)
            return usage(QStringLiteral("secrets list takes no name"));
    } else if (action == QLatin1String("set") || action == QLatin1String("delete")) {
        if (pos.size() != 3)
            return usage(QStringLiteral("secrets %1 needs one NAME (the value comes from standard input)").arg(action));
        if (!known.contains(name))
            return usage(QStringLiteral("unknown secret name '%1'").arg(name.left(64)));
    } else {
        return usage(QStringLiteral("memedesk secrets needs an action: set, delete or list"));
    }

    adapters::keychain::QtKeychainSecretStore store(keychainService());
    QEventLoop loop;
    int rc = 0;
    if (action == QLatin1String("set")) {
        const std::optional<QString> value = readHiddenLine(QStringLiteral("Value for %1 (not shown): ").arg(name));
        if (!value || value->isEmpty()) {
            fprintf(stderr, "memedesk: no value on standard input: nothing stored\n");
            return 2;
        }
        store.writeSecret(name, *value, [&](const engine::Result<void> &r) {
            if (r.ok())
                fprintf(stdout, "%s stored in the keychain\n", qPrintable(name));
            else
                fprintf(stderr, "memedesk: could not store %s: %s\n", qPrintable(name), qPrintable(r.error().toString()));
            rc = r.ok() ? 0 : 1;
            loop.quit();
        });
        loop.exec();
        return rc;
    }
    if (action == QLatin1String("delete")) {
        store.deleteSecret(name, [&](const engine::Result<void> &r) {
            // Deleting what is not there leaves the keychain as asked: not an error.
            const bool ok = r.ok() || r.error().is(engine::errors::kSecretNotFound);
            if (ok)
                fprintf(stdout, "%s deleted from the keychain\n", qPrintable(name));
            else
                fprintf(stderr, "memedesk: could not delete %s: %s\n", qPrintable(name), qPrintable(r.error().toString()));
            rc = ok ? 0 : 1;
            loop.quit();
        });
        loop.exec();
        return rc;
    }
    for (const QString &secret : known) {
        store.readSecret(secret, [&](const engine::Result<QString> &r) {
            if (r.ok() && !r.value().isEmpty())
                fprintf(stdout, "%-24s set\n", qPrintable(secret));
            else if (r.ok() || r.error().is(engine::errors::kSecretNotFound))
                fprintf(stdout, "%-24s not set\n", qPrintable(secret));
            else {
                fprintf(stdout, "%-24s unknown (%s)\n", qPrintable(secret), qPrintable(r.error().toString()));
                rc = 1;
            }
            loop.quit();
        });
        loop.exec();
    }
    return rc;
}

} // namespace app
