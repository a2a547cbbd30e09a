#include "app/usercommand.h"

#include "app/datadir.h"
#include "app/hiddeninput.h"

#include "adapters/rest/userstore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>

#include <cstdio>

namespace app {

namespace {

int usage(const QString &message)
{
    fprintf(stderr,
            "%s\n\nmemedesk user add NAME --role admin|trader|viewer   a user of the remote API (password from standard input)\n"
            "memedesk user password NAME                          a new password (from standard input)\n"
            "memedesk user role NAME ROLE                         another role\n"
            "memedesk user delete NAME                            remove the user and end their sessions\n"
            "memedesk user list                                   every user and role\n"
            "Options: --data-dir DIR\n",
            qPrintable(message));
    return 2;
}

int report(const engine::Result<void> &r)
{
    if (r)
        return 0;
    fprintf(stderr, "user: %s\n", qPrintable(r.error().message));
    return r.error().code == QLatin1String("USER_STORE_FAILED") ? 1 : 2;
}

} // namespace

int runUserCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("admin, trader or viewer"), QStringLiteral("role"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The data folder."), QStringLiteral("dir"));
    p.addOptions({help, role, dataDir});
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(help))
        return usage(QStringLiteral("memedesk user: the remote API's users"));
    const QStringList pos = p.positionalArguments(); // "user", action, [name], [role]
    const QString action = pos.value(1);
    const QString name = pos.value(2);
    const qsizetype want = action == QLatin1String("list") ? 2 : action == QLatin1String("role") ? 4 : 3;
    if (!QStringList{QStringLiteral("add"), QStringLiteral("password"), QStringLiteral("role"), QStringLiteral("delete"), QStringLiteral("list")}
             .contains(action))
        return usage(QStringLiteral("unknown action '%1'").arg(action.left(32)));
    if (pos.size() != want)
        return usage(QStringLiteral("user %1: wrong number of arguments").arg(action));
    if (action == QLatin1String("add") && !p.isSet(role))
        return usage(QStringLiteral("user add needs --role admin, trader or viewer"));

    const QString dir = resolveDataDir(p.value(dataDir));
    if (!QDir().mkpath(dir)) {
        fprintf(stderr, "user: cannot create the data folder %s\n", qPrintable(QDir::toNativeSeparators(dir)));
        return 1;
    }
    adapters::rest::UserStore users(dir + QLatin1Char('/') + QLatin1String(adapters::rest::UserStore::kFileName));
    if (const auto opened = users.open(); !opened)
        return report(opened);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (action == QLatin1String("list")) {
        const auto list = users.users();
        if (!list)
            return report(list.error());
        for (const auto &u : list.value())
            fprintf(stdout, "%s\t%s%s\n", qPrintable(u.name), qPrintable(u.role), u.lockedUntilMs > now ? "\tlocked" : "");
        return 0;
    }
    if (action == QLatin1String("delete"))
        return report(users.removeUser(name));
    if (action == QLatin1String("role"))
        return report(users.setRole(name, pos.value(3)));
    const std::optional<QString> password = readHiddenLine(QStringLiteral("Password for %1 (not shown): ").arg(name));
    if (!password)
        return usage(QStringLiteral("no password on standard input"));
    const auto done = action == QLatin1String("add") ? users.addUser(name, p.value(role), *password, now) : users.setPassword(name, *password);
    if (done)
        fprintf(stderr, "user: %s %s\n", qPrintable(name), action == QLatin1String("add") ? "added" : "has a new password");
    return report(done);
}

} // namespace app
