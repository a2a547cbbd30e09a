#pragma once

// What the REST integration tests share: the app's composition root on the demo market with a
// journal and the OS keychain in a fresh data folder, the API on a free port, one user per role
// signed in, and a real HTTP client.
#include "app/appcontext.h"
#include "tests/support/apiclient.h"
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include "adapters/rest/userstore.h"
#include "engine/api/botapi.h"

#include <QDateTime>
#include <QTest>

#include <memory>

namespace resttest {

inline const QString kPassword = QStringLiteral("correct horse battery");
inline const QStringList kRoles{QStringLiteral("viewer"), QStringLiteral("trader"), QStringLiteral("admin")};

//! Rate limits off (the tests that need them set their own) and a short WebSocket sign-in window.
inline adapters::rest::ApiOptions generousApi()
{
    adapters::rest::ApiOptions api;
    api.enabled = true;
    api.port = 0; // any free port
    api.clientPerMinute = api.userPerMinute = api.loginPerMinute = 0;
    api.webSocketAuthTimeoutMs = 800;
    return api;
}

inline QString userOf(const QString &role)
{
    return role + QStringLiteral("_user");
}

struct RestFixture {
    QString service;
    QString dir;
    std::unique_ptr<app::AppContext> ctx;
    std::unique_ptr<testsupport::ApiClient> client;
    QHash<QString, QString> tokens; // role → access token

    //! Starts everything; QVERIFY-style failures return early (check QTest::currentTestFailed()).
    void start(const QString &keychainService, const QString &dirTag)
    {
        service = keychainService;
        dir = testsupport::makeTempDir(dirTag);
        {
            adapters::rest::UserStore users(dir + QStringLiteral("/api-users.sqlite"));
            QVERIFY(users.open().ok());
            for (const QString &role : kRoles)
                QVERIFY(users.addUser(userOf(role), role, kPassword, QDateTime::currentMSecsSinceEpoch()).ok());
        }
        app::AppOptions options;
        options.headless = true;
        options.dataDir = dir;
        options.demoSeed = 7;
        options.seedGiven = true;
        options.speed = 25;
        options.keychainService = service;
        ctx = std::make_unique<app::AppContext>(options);
        const engine::Result<void> started = ctx->initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        ctx->run();
        QTRY_VERIFY_WITH_TIMEOUT(ctx->api().status().engineState == engine::EngineState::Running, 30000);
        restartApi(generousApi());
        QVERIFY(ctx->apiUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
        for (const QString &role : kRoles) {
            tokens[role] = client->login(userOf(role), kPassword);
            QVERIFY2(!tokens[role].isEmpty(), qPrintable(role));
        }
    }

    void restartApi(const adapters::rest::ApiOptions &options)
    {
        const engine::Result<QString> started = ctx->startApi(options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        client = std::make_unique<testsupport::ApiClient>(ctx->apiUrl());
    }

    void stop()
    {
        client.reset();
        if (ctx)
            ctx->shutdown();
        ctx.reset();
    }

    //! The audit log as "user|action|result" lines.
    [[nodiscard]] QString auditLines() const
    {
        return testsupport::querySql(dir + QStringLiteral("/api-users.sqlite"),
                                     QStringLiteral("SELECT group_concat(user_name || '|' || action || '|' || result, '\n') FROM api_audit"));
    }
};

} // namespace resttest
