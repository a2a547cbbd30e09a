// The real executable, `memedesk --headless --api`, attacked over the wire with curl and raw
// sockets: forged and missing tokens, brute-force logins, a 10 MB body, deeply nested JSON,
// invalid UTF-8, path traversal, SQL-looking text in every parameter of every route, header
// injection and thousands of idle connections. Each attack gets no access and the app keeps
// answering; afterwards the users are intact. Also: unsafe --api options are refused, and HTTPS
// works with the user's certificate.
#include "tests/support/apiclient.h"
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <sys/resource.h>

#include <memory>

namespace {

const QByteArray kPassword = "correct horse battery";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct CurlResult {
    int status = 0;
    QByteArray body;
    QByteArray headers;
};

//! curl with `args`; the status from -w, the body and the response headers apart.
CurlResult curl(const QStringList &args, const QByteArray &stdinData = {})
{
    const QString headerFile = QDir::temp().filePath(QStringLiteral("memedesk-curl-headers-%1").arg(QCoreApplication::applicationPid()));
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("30"), QStringLiteral("-D"), headerFile,
                                                QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} + args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    CurlResult r;
    QByteArray out = p.readAllStandardOutput();
    const qsizetype cut = out.lastIndexOf('\n');
    r.status = out.mid(cut + 1).toInt();
    r.body = out.left(cut);
    QFile h(headerFile);
    if (h.open(QIODevice::ReadOnly))
        r.headers = h.readAll();
    return r;
}

QString errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace

class TestRestAttacks : public QObject {
    Q_OBJECT
    QString m_dir;
    QString m_base;
    std::unique_ptr<QProcess> m_app;
    QString m_out;
    QHash<QString, QString> m_tokens;

    void addUser(const QString &name, const QString &role)
    {
        const auto added = testsupport::runCli({QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), role,
                                                QStringLiteral("--data-dir"), m_dir},
                                               kPassword + '\n', 60'000);
        QVERIFY2(added.exitCode == 0, added.err.constData());
    }
    QString login(const QString &name, const QByteArray &password = kPassword)
    {
        const CurlResult r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"), QStringLiteral("@-"),
                                   m_base + QStringLiteral("/api/v1/auth/login")},
                                  QJsonDocument(QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), QString::fromUtf8(password)}}).toJson());
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("access_token")).toString();
    }
    CurlResult authed(const QString &role, const QStringList &args)
    {
        return curl(QStringList{QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + m_tokens.value(role)} + args);
    }
    void stillServing()
    {
        QVERIFY2(m_app->state() == QProcess::Running, "the app stopped");
        QCOMPARE(curl({m_base + QStringLiteral("/api/v1/ping")}).status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("MEMEDESK_APP"))
            QSKIP("MEMEDESK_APP is not set (ctest sets it)");
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QFAIL("curl is missing: scripts/test installs it");
        // Thousands of connections need descriptors on both ends; the app inherits this limit.
        rlimit limit{};
        getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 8192);
        setrlimit(RLIMIT_NOFILE, &limit);

        m_dir = testsupport::makeTempDir(QStringLiteral("memedesk-restattacks"));
        addUser(QStringLiteral("ada"), QStringLiteral("admin"));
        addUser(QStringLiteral("tom"), QStringLiteral("trader"));
        addUser(QStringLiteral("vic"), QStringLiteral("viewer"));
        addUser(QStringLiteral("target"), QStringLiteral("viewer"));
        const quint16 port = freePort();
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        m_app = testsupport::startApp({QStringLiteral("--headless"), QStringLiteral("--api"), QStringLiteral("--api-port"), QString::number(port),
                                       QStringLiteral("--data-dir"), m_dir, QStringLiteral("--speed"), QStringLiteral("25"),
                                       QStringLiteral("--status-interval"), QStringLiteral("60"), QStringLiteral("--api-rate-limit"), QStringLiteral("100000")});
        QVERIFY2(testsupport::waitForOutput(*m_app, &m_out, QStringLiteral("REST API on ") + m_base, 60000), qPrintable(m_out));
        m_tokens[QStringLiteral("admin")] = login(QStringLiteral("ada"));
        m_tokens[QStringLiteral("trader")] = login(QStringLiteral("tom"));
        m_tokens[QStringLiteral("viewer")] = login(QStringLiteral("vic"));
        for (const QString &token : m_tokens)
            QVERIFY(!token.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_app)
            return;
        m_app->terminate();
        QVERIFY(m_app->waitForFinished(30000));
        m_out += QString::fromUtf8(m_app->readAll());
        QCOMPARE(m_app->exitStatus(), QProcess::NormalExit);
        QVERIFY2(m_out.contains(QStringLiteral("stopped")), qPrintable(m_out.right(2000)));
    }

    void unsafeOptionsAreRefused()
    {
        const QList<QStringList> bad{
            {QStringLiteral("--api"), QStringLiteral("--api-bind"), QStringLiteral("0.0.0.0")},
            {QStringLiteral("--api"), QStringLiteral("--api-bind"), QStringLiteral("example.com")},
            {QStringLiteral("--api"), QStringLiteral("--api-port"), QStringLiteral("70000")},
            {QStringLiteral("--api"), QStringLiteral("--api-tls-cert"), QStringLiteral("/nonexistent.pem")},
            {QStringLiteral("--api"), QStringLiteral("--api-cors-origin"), QStringLiteral("*")},
            {QStringLiteral("--api-port"), QStringLiteral("8787")},
        };
        for (const QStringList &args : bad) {
            const auto run = testsupport::runApp(QStringList{QStringLiteral("--headless")} + args, 30000);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + run.out));
        }
        const auto run = testsupport::runApp({QStringLiteral("--headless"), QStringLiteral("--api"), QStringLiteral("--api-bind"), QStringLiteral("0.0.0.0")}, 30000);
        QVERIFY(run.out.contains(QStringLiteral("--api-insecure")));
    }

    //! Every route of the document, with curl, as no one and as each role: 401, 403, or (GET) 200.
    void curlCallsEveryRouteAsEachRole()
    {
        const QJsonObject paths = QJsonDocument::fromJson(curl({m_base + QStringLiteral("/api/v1/openapi.json")}).body).object().value(QStringLiteral("paths")).toObject();
        const QStringList roles{QStringLiteral("viewer"), QStringLiteral("trader"), QStringLiteral("admin")};
        int calls = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject methods = p.value().toObject();
            for (auto m = methods.begin(); m != methods.end(); ++m) {
                const QString needed = m.value().toObject().value(QStringLiteral("x-required-role")).toString();
                if (needed == QLatin1String("public"))
                    continue;
                const QString method = m.key().toUpper();
                const QString url = m_base + QString(p.key()).replace(QStringLiteral("{client_id}"), QStringLiteral("none")).replace(QStringLiteral("{username}"), QStringLiteral("nobody"));
                QCOMPARE(curl({QStringLiteral("-X"), method, url}).status, 401);
                for (int rank = 0; rank < roles.size(); ++rank) {
                    const bool allowed = rank >= roles.indexOf(needed);
                    if (allowed && method != QLatin1String("GET"))
                        continue; // state-changing calls are tested one by one
                    const CurlResult r = authed(roles[rank], {QStringLiteral("-X"), method, url});
                    QVERIFY2(r.status == (allowed ? 200 : 403), qPrintable(method + QLatin1Char(' ') + url + QLatin1Char(' ') + roles[rank] + QString::number(r.status)));
                    ++calls;
                }
            }
        }
        QVERIFY(calls >= 50);
    }

    void curlWalksTheRoles()
    {
        QCOMPARE(curl({m_base + QStringLiteral("/api/v1/trading/status")}).status, 401);
        QCOMPARE(authed(QStringLiteral("viewer"), {m_base + QStringLiteral("/api/v1/trading/status")}).status, 200);
        QCOMPARE(authed(QStringLiteral("viewer"), {QStringLiteral("-X"), QStringLiteral("POST"), m_base + QStringLiteral("/api/v1/trading/stop")}).status, 403);
        QCOMPARE(authed(QStringLiteral("trader"), {m_base + QStringLiteral("/api/v1/admin/users")}).status, 403);
        const CurlResult users = authed(QStringLiteral("admin"), {m_base + QStringLiteral("/api/v1/admin/users")});
        QCOMPARE(users.status, 200);
        QCOMPARE(QJsonDocument::fromJson(users.body).object().value(QStringLiteral("total")).toInt(), 4);
        const CurlResult order = authed(QStringLiteral("trader"), {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                                                  QStringLiteral("{\"symbol\":\"NOSUCHUSDT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quote_qty\":\"10\"}"),
                                                                  m_base + QStringLiteral("/api/v1/trading/orders")});
        QVERIFY2(order.status == 400 || order.status == 422, order.body.constData());
        QVERIFY(users.headers.contains("Cache-Control: no-store"));
    }

    void oversizedAndMalformedBodies()
    {
        const QString bigFile = QDir(m_dir).filePath(QStringLiteral("big.json"));
        {
            QFile f(bigFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk(1 << 20, 'a');
            f.write("{\"username\":\"");
            for (int i = 0; i < 10; ++i)
                f.write(chunk);
            f.write("\",\"password\":\"x\"}");
        }
        const CurlResult big = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"),
                                     QStringLiteral("@") + bigFile, m_base + QStringLiteral("/api/v1/auth/login")});
        QCOMPARE(big.status, 413);
        QCOMPARE(errorCode(big.body), QStringLiteral("BODY_TOO_LARGE"));
        stillServing();

        const QByteArray nested = QByteArray(500000, '[') + QByteArray(500000, ']');
        const CurlResult deepSent = curl({QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + m_tokens[QStringLiteral("trader")], QStringLiteral("-H"),
                                          QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"), QStringLiteral("@-"),
                                          m_base + QStringLiteral("/api/v1/trading/orders")},
                                         nested);
        QCOMPARE(deepSent.status, 400);
        QCOMPARE(errorCode(deepSent.body), QStringLiteral("BODY_INVALID"));

        const CurlResult utf8 = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"), QStringLiteral("@-"),
                                      m_base + QStringLiteral("/api/v1/auth/login")},
                                     QByteArray("{\"username\":\"ada\xc3\x28\",\"password\":\"\xff\xfe\"}"));
        QCOMPARE(utf8.status, 400);
        QCOMPARE(errorCode(utf8.body), QStringLiteral("BODY_INVALID"));
        stillServing();
    }

    void pathTraversalFindsNothing()
    {
        for (const QString &path : {QStringLiteral("/api/v1/../../../../etc/passwd"), QStringLiteral("/api/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
                                    QStringLiteral("/api/v1/trading/orders/..%2f..%2f..%2fetc%2fpasswd"), QStringLiteral("/../../etc/passwd"),
                                    QStringLiteral("/api/v1/admin/users/..%2f..%2fapi-users.sqlite")}) {
            const CurlResult r = authed(QStringLiteral("admin"), {QStringLiteral("--path-as-is"), m_base + path});
            QVERIFY2(r.status == 404 || r.status == 400 || r.status == 405, qPrintable(path + QString::number(r.status)));
            QVERIFY(!r.body.contains("root:") && !r.body.contains("SQLite format"));
        }
        const CurlResult del = authed(QStringLiteral("admin"), {QStringLiteral("--path-as-is"), QStringLiteral("-X"), QStringLiteral("DELETE"),
                                                                 m_base + QStringLiteral("/api/v1/trading/orders/..%2f..%2fetc%2fpasswd")});
        QVERIFY(del.status == 400 || del.status == 404);
    }

    //! Every parameter of every route, as the document declares them, with SQL-looking text: a
    //! clear 400 or an empty answer, never a 500, and the users are all still there.
    void sqlTextInEveryParameter()
    {
        const QByteArray injection = QUrl::toPercentEncoding(QStringLiteral("' OR '1'='1'; DROP TABLE api_users; --"));
        const CurlResult doc = curl({m_base + QStringLiteral("/api/v1/openapi.json")});
        const QJsonObject paths = QJsonDocument::fromJson(doc.body).object().value(QStringLiteral("paths")).toObject();
        int tried = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject get = p.value().toObject().value(QStringLiteral("get")).toObject();
            for (const QJsonValue &param : get.value(QStringLiteral("parameters")).toArray()) {
                const QString name = param.toObject().value(QStringLiteral("name")).toString();
                const QString url = m_base + p.key() + QLatin1Char('?') + name + QLatin1Char('=') + QString::fromLatin1(injection);
                const CurlResult r = authed(QStringLiteral("admin"), {url});
                QVERIFY2(r.status == 400 || r.status == 200, qPrintable(url + QString::number(r.status) + QString::fromUtf8(r.body.left(300))));
                ++tried;
            }
        }
        for (const QString &path : {QStringLiteral("/api/v1/admin/users/"), QStringLiteral("/api/v1/trading/orders/")}) {
            const CurlResult r = authed(QStringLiteral("admin"), {QStringLiteral("-X"), QStringLiteral("DELETE"), m_base + path + QString::fromLatin1(injection)});
            QVERIFY2(r.status == 400 || r.status == 404, qPrintable(path + QString::number(r.status)));
        }
        QVERIFY(tried >= 15);
        const CurlResult users = authed(QStringLiteral("admin"), {m_base + QStringLiteral("/api/v1/admin/users")});
        QCOMPARE(QJsonDocument::fromJson(users.body).object().value(QStringLiteral("total")).toInt(), 4);
        QVERIFY(!login(QStringLiteral("vic")).isEmpty());
    }

    void headerInjectionGoesNowhere()
    {
        const QUrl url(m_base);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        // A folded header line, an allowed-looking origin followed by a header of its own, and a
        // response-splitting attempt in the query string.
        socket.write("GET /api/v1/ping?x=%0d%0aSet-Cookie:%20pwned=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "X-Test: a\r\n Injected: folded\r\nOrigin: https://evil.example\r\nSet-Cookie: pwned=1\r\n\r\n");
        QByteArray answer;
        (void)QTest::qWaitFor([&] {
            socket.waitForReadyRead(100);
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        }, 10000);
        QVERIFY2(!answer.contains("Set-Cookie") && !answer.contains("Injected") && !answer.contains("Access-Control-Allow-Origin"), answer.constData());
        // Control characters inside a JSON user name are refused and never reach the audit log raw.
        const CurlResult r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                   QStringLiteral("{\"username\":\"ada\\r\\nX-Admin: 1\",\"password\":\"x\"}"), m_base + QStringLiteral("/api/v1/auth/login")});
        QCOMPARE(r.status, 401);
        QVERIFY(!r.headers.contains("X-Admin"));
        stillServing();
    }

    void thousandsOfIdleConnections()
    {
        const QUrl url(m_base);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        idle.reserve(3000);
        for (int i = 0; i < 3000; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
            idle.push_back(std::move(socket));
            if (i % 200 == 0)
                QCoreApplication::processEvents();
        }
        QTest::qWait(2000);
        int connected = 0;
        for (const auto &socket : idle)
            connected += socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        QVERIFY2(connected > 500, qPrintable(QString::number(connected)));
        // Idle connections never lock out a client that talks.
        const CurlResult status = authed(QStringLiteral("viewer"), {m_base + QStringLiteral("/api/v1/trading/status")});
        QCOMPARE(status.status, 200);
        const CurlResult info = authed(QStringLiteral("admin"), {m_base + QStringLiteral("/api/v1/admin/system-info")});
        const QJsonObject api = QJsonDocument::fromJson(info.body).object().value(QStringLiteral("api")).toObject();
        QVERIFY2(api.value(QStringLiteral("http_connections")).toInt() <= 2000, info.body.constData());
        idle.clear();
        stillServing();
    }

    void bruteForceLocksOut() // last: it slows this address's sign-ins down
    {
        bool granted = false;
        for (int i = 0; i < 12; ++i) {
            const QString token = login(QStringLiteral("target"), "guess-number-" + QByteArray::number(i));
            granted = granted || !token.isEmpty();
        }
        QVERIFY(!granted);
        // The right password no longer helps: the account is locked (or the address is slowed down).
        const CurlResult r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                   QStringLiteral("{\"username\":\"target\",\"password\":\"%1\"}").arg(QString::fromUtf8(kPassword)),
                                   m_base + QStringLiteral("/api/v1/auth/login")});
        QVERIFY2(r.status == 423 || r.status == 429, r.body.constData());
        QVERIFY(!r.body.contains("access_token"));
    }

    void httpsWithTheUsersCertificate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is missing: scripts/test installs it");
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-resttls"));
        const QString cert = dir + QStringLiteral("/cert.pem");
        const QString key = dir + QStringLiteral("/key.pem");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        const quint16 port = freePort();
        auto app = testsupport::startApp({QStringLiteral("--headless"), QStringLiteral("--api"), QStringLiteral("--api-port"), QString::number(port),
                                          QStringLiteral("--api-tls-cert"), cert, QStringLiteral("--api-tls-key"), key, QStringLiteral("--data-dir"), dir,
                                          QStringLiteral("--status-interval"), QStringLiteral("60")});
        QString out;
        const QString https = QStringLiteral("https://127.0.0.1:%1").arg(port);
        QVERIFY2(testsupport::waitForOutput(*app, &out, QStringLiteral("REST API on ") + https, 60000), qPrintable(out));
        QCOMPARE(curl({QStringLiteral("--cacert"), cert, https + QStringLiteral("/api/v1/ping")}).status, 200);
        QCOMPARE(curl({QStringLiteral("http://127.0.0.1:%1/api/v1/ping").arg(port)}).status, 0); // no plain HTTP on a TLS port
        app->terminate();
        QVERIFY(app->waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(TestRestAttacks)
#include "test_restattacks.moc"
