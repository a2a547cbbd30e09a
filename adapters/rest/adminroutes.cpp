// Routes: admin/* — users, settings (secrets masked), system information.
#include "adapters/rest/authservice.h"
#include "adapters/rest/routecontext.h"
#include "adapters/rest/userstore.h"

#include "engine/api/botapi.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSysInfo>

namespace adapters::rest {

namespace {

const QString kMask = QStringLiteral("********");

QJsonObject userJson(const UserStore::User &user)
{
    return {{QStringLiteral("username"), user.name},
            {QStringLiteral("role"), user.role},
            {QStringLiteral("created_ms"), user.createdMs},
            {QStringLiteral("failed_logins"), user.failedLogins},
            {QStringLiteral("locked_until_ms"), user.lockedUntilMs}};
}

QJsonObject userSchema()
{
    return schema::object({{QStringLiteral("username"), schema::string()}, {QStringLiteral("role"), schema::string(QStringLiteral("admin, trader or viewer"))},
                           {QStringLiteral("created_ms"), schema::integer()}, {QStringLiteral("failed_logins"), schema::integer()},
                           {QStringLiteral("locked_until_ms"), schema::integer()}});
}

//! USER_LAST_ADMIN when `name` is the only admin and the change would leave none.
std::optional<engine::Error> keepsAnAdmin(UserStore &users, const QString &name)
{
    const engine::Result<QList<UserStore::User>> all = users.users();
    if (!all)
        return all.error();
    int admins = 0;
    bool isAdmin = false;
    for (const UserStore::User &user : all.value()) {
        admins += user.role == QLatin1String("admin") ? 1 : 0;
        isAdmin = isAdmin || (user.name == name && user.role == QLatin1String("admin"));
    }
    if (isAdmin && admins == 1)
        return engine::Error(QStringLiteral("USER_LAST_ADMIN"), QStringLiteral("this is the only admin; make another admin first"));
    return std::nullopt;
}

//! The user's row as the API shows it, or USER_NOT_FOUND.
void replyUser(const ApiCall &call, UserStore &users, const QString &name, int status)
{
    const engine::Result<QList<UserStore::User>> all = users.users();
    if (!all)
        return call.fail(all.error());
    for (const UserStore::User &user : all.value()) {
        if (user.name == name)
            return call.reply(status, userJson(user));
    }
    call.fail(QStringLiteral("USER_NOT_FOUND"), QStringLiteral("no such user"));
}

ParamSpec usernameParam()
{
    return {QStringLiteral("username"), ParamSpec::In::Path, ParamSpec::Type::String, QStringLiteral("the user's name"), 0, 0, {}};
}

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 : -1;
}

} // namespace

void addAdminRoutes(QList<RouteSpec> &routes, RouteContext &ctx)
{
    routes.append({"GET", QStringLiteral("/api/v1/admin/users"), QStringLiteral("admin"), QStringLiteral("The API's users (never their passwords)"),
                   Access::Admin, pagingParams(), {}, schema::page(userSchema()), 200, false, false, [&ctx](const ApiCall &call) {
                       const engine::Result<QList<UserStore::User>> users = ctx.users.users();
                       if (!users)
                           return call.fail(users.error());
                       QList<QJsonObject> items;
                       for (const UserStore::User &user : users.value())
                           items.append(userJson(user));
                       call.reply(pageOf(call, items));
                   }});

    routes.append({"POST", QStringLiteral("/api/v1/admin/users"), QStringLiteral("admin"),
                   QStringLiteral("Add a user (password at least 10 characters; stored as an argon2id hash)"), Access::Admin, {},
                   schema::object({{QStringLiteral("username"), schema::string()}, {QStringLiteral("role"), schema::string(QStringLiteral("admin, trader or viewer"))},
                                   {QStringLiteral("password"), schema::string()}},
                                  {QStringLiteral("username"), QStringLiteral("role"), QStringLiteral("password")}),
                   userSchema(), 201, true, false, [&ctx](const ApiCall &call) {
                       const QString name = call.body().value(QStringLiteral("username")).toString();
                       const engine::Result<void> added = ctx.users.addUser(name, call.body().value(QStringLiteral("role")).toString(),
                                                                            call.body().value(QStringLiteral("password")).toString(), ctx.nowMs());
                       if (!added)
                           return call.fail(added.error());
                       (void)ctx.auth.reloadUsers();
                       replyUser(call, ctx.users, name, 201);
                   }});

    routes.append({"PUT", QStringLiteral("/api/v1/admin/users/{username}"), QStringLiteral("admin"),
                   QStringLiteral("Change a user's role or password (a new password ends their sessions)"), Access::Admin, {usernameParam()},
                   schema::object({{QStringLiteral("role"), schema::string()}, {QStringLiteral("password"), schema::string()}}), userSchema(), 200,
                   true, false, [&ctx](const ApiCall &call) {
                       const QString name = call.param(QStringLiteral("username"));
                       const QJsonObject &body = call.body();
                       if (!body.contains(QStringLiteral("role")) && !body.contains(QStringLiteral("password")))
                           return call.fail(QStringLiteral("BODY_INVALID"), QStringLiteral("give \"role\", \"password\" or both"));
                       if (body.contains(QStringLiteral("role"))) {
                           const QString role = body.value(QStringLiteral("role")).toString();
                           if (role != QLatin1String("admin"))
                               if (auto last = keepsAnAdmin(ctx.users, name))
                                   return call.fail(*last);
                           if (const engine::Result<void> set = ctx.users.setRole(name, role); !set)
                               return call.fail(set.error());
                       }
                       if (body.contains(QStringLiteral("password"))) {
                           if (const engine::Result<void> set = ctx.users.setPassword(name, body.value(QStringLiteral("password")).toString()); !set)
                               return call.fail(set.error());
                       }
                       (void)ctx.auth.reloadUsers();
                       replyUser(call, ctx.users, name, 200);
                   }});

    routes.append({"DELETE", QStringLiteral("/api/v1/admin/users/{username}"), QStringLiteral("admin"),
                   QStringLiteral("Delete a user and end their sessions"), Access::Admin, {usernameParam()}, {},
                   schema::object({{QStringLiteral("username"), schema::string()}, {QStringLiteral("status"), schema::string()}}), 200, true, false,
                   [&ctx](const ApiCall &call) {
                       const QString name = call.param(QStringLiteral("username"));
                       if (auto last = keepsAnAdmin(ctx.users, name))
                           return call.fail(*last);
                       if (const engine::Result<void> removed = ctx.users.removeUser(name); !removed)
                           return call.fail(removed.error());
                       (void)ctx.auth.reloadUsers();
                       call.reply({{QStringLiteral("username"), name}, {QStringLiteral("status"), QStringLiteral("deleted")}});
                   }});

    routes.append({"GET", QStringLiteral("/api/v1/admin/settings"), QStringLiteral("admin"),
                   QStringLiteral("Venue settings, which keys are in the keychain (values never shown), and the API's own settings"), Access::Admin, {},
                   {}, schema::anyObject(), 200, false, false, [&ctx](const ApiCall &call) {
                       QJsonObject venue;
                       const QHash<QString, QString> settings = ctx.api.venueSettings();
                       for (auto it = settings.cbegin(); it != settings.cend(); ++it)
                           venue.insert(it.key(), it.value());
                       const QJsonObject api = ctx.serverInfo();
                       // Ask the keychain whether each key is there; the answers come back one by one.
                       auto secrets = std::make_shared<QJsonObject>();
                       auto pending = std::make_shared<int>(2);
                       for (const char *name : {engine::secrets::kBinanceApiKey, engine::secrets::kBinanceApiSecret}) {
                           const QString key = QLatin1String(name);
                           ctx.api.secretPresent(key, ctx.context, [=](bool present, const QString &error) {
                               secrets->insert(key, !error.isEmpty() ? QStringLiteral("unknown (keychain unavailable)") : present ? kMask : QStringLiteral("not set"));
                               if (--*pending == 0)
                                   call.reply({{QStringLiteral("venue"), venue}, {QStringLiteral("secrets"), *secrets}, {QStringLiteral("api"), api}});
                           });
                       }
                   }});

    routes.append({"PUT", QStringLiteral("/api/v1/admin/settings"), QStringLiteral("admin"),
                   QStringLiteral("Change venue settings (addresses, watchlist). Keys are set on the machine itself (memedesk secrets), never over the API."),
                   Access::Admin, {}, schema::object({{QStringLiteral("venue"), schema::anyObject(QStringLiteral("setting name → text"))}}, {QStringLiteral("venue")}),
                   schema::object({{QStringLiteral("venue"), schema::anyObject()}}), 200, true, false, [&ctx](const ApiCall &call) {
                       QHash<QString, QString> settings = ctx.api.venueSettings();
                       const QJsonObject venue = call.body().value(QStringLiteral("venue")).toObject();
                       for (auto it = venue.begin(); it != venue.end(); ++it) {
                           if (!it.value().isString())
                               return call.fail(QStringLiteral("SETTINGS_INVALID"), QStringLiteral("\"%1\" must be text").arg(it.key().left(64)));
                           settings.insert(it.key(), it.value().toString());
                       }
                       if (const engine::Result<void> saved = ctx.api.setVenueSettings(settings); !saved)
                           return call.fail(saved.error());
                       QJsonObject now;
                       const QHash<QString, QString> stored = ctx.api.venueSettings();
                       for (auto it = stored.cbegin(); it != stored.cend(); ++it)
                           now.insert(it.key(), it.value());
                       call.reply({{QStringLiteral("venue"), now}});
                   }});

    routes.append({"GET", QStringLiteral("/api/v1/admin/system-info"), QStringLiteral("admin"),
                   QStringLiteral("Version, platform, process, engine and API figures"), Access::Admin, {}, {}, schema::anyObject(), 200, false, false,
                   [&ctx](const ApiCall &call) {
                       const engine::BotStatus status = ctx.api.status();
                       call.reply({{QStringLiteral("api"), ctx.serverInfo()},
                                   {QStringLiteral("os"), QSysInfo::prettyProductName()},
                                   {QStringLiteral("kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
                                   {QStringLiteral("cpu_architecture"), QSysInfo::currentCpuArchitecture()},
                                   {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                   {QStringLiteral("resident_bytes"), residentBytes()},
                                   {QStringLiteral("engine_state"), engine::toString(status.engineState)},
                                   {QStringLiteral("mode"), engine::toString(status.mode)},
                                   {QStringLiteral("market"), status.marketDetail},
                                   {QStringLiteral("store_healthy"), status.storeHealthy}});
                   }});
}

} // namespace adapters::rest
