// Secrets never reach a log line: registered values and key=value shapes are masked,
// and the rotating log file in the data dir holds only the redacted text.
#include "app/appoptions.h"
#include "app/logging.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

class TestLogging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redactsKnownSecretsAndKeyValueShapes()
    {
        auto &r = app::Redactor::instance();
        r.addSecret(QStringLiteral("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"));
        QCOMPARE(r.redact(QStringLiteral("key vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A rejected")),
                 QStringLiteral("key *** rejected"));
        QCOMPARE(r.redact(QStringLiteral("GET /api/v3/order?symbol=PEPEUSDT&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")),
                 QStringLiteral("GET /api/v3/order?symbol=PEPEUSDT&signature=***"));
        QCOMPARE(r.redact(QStringLiteral("config api_secret = \"hunter2hunter2\" loaded")),
                 QStringLiteral("config api_secret = *** loaded"));
        QCOMPARE(r.redact(QStringLiteral("password: s3cr3t, user: bob")), QStringLiteral("password: ***, user: bob"));
        QCOMPARE(r.redact(QStringLiteral("fill BUY 100 PEPEUSDT @ 0.00001")), QStringLiteral("fill BUY 100 PEPEUSDT @ 0.00001"));
    }

    void logFileHoldsOnlyRedactedText()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-log"));
        app::setupLogging(dir, false);
        app::Redactor::instance().addSecret(QStringLiteral("TOPSECRETVALUE123"));
        app::writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("binance"),
                       QStringLiteral("auth failed for TOPSECRETVALUE123 with token=abcdef0123")});
        app::shutdownLogging();
        QFile f(dir + QStringLiteral("/memedesk.log"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("[binance] warning: auth failed for *** with token=***"), text.constData());
        QVERIFY(!text.contains("TOPSECRETVALUE123"));
        QVERIFY(!text.contains("abcdef0123"));
    }

    void commandLineValidation()
    {
        auto parse = [](QStringList args) {
            args.prepend(QStringLiteral("memedesk"));
            return app::parseCommandLine(args);
        };
        const auto ok = parse({QStringLiteral("--headless"), QStringLiteral("--speed"), QStringLiteral("25"),
                               QStringLiteral("--demo-seed"), QStringLiteral("7"), QStringLiteral("--data-dir"),
                               QStringLiteral("/tmp/x")});
        QVERIFY(!ok.exit);
        QVERIFY(ok.options.headless);
        QCOMPARE(ok.options.speed, 25.0);
        QCOMPARE(ok.options.demoSeed, quint64(7));
        QVERIFY(ok.options.seedGiven);
        QCOMPARE(ok.options.dataDir, QStringLiteral("/tmp/x"));
        for (const QStringList &bad : {QStringList{QStringLiteral("--speed"), QStringLiteral("0.5")},
                                       QStringList{QStringLiteral("--speed"), QStringLiteral("fast")},
                                       QStringList{QStringLiteral("--demo-seed"), QStringLiteral("-3x")},
                                       QStringList{QStringLiteral("--language"), QStringLiteral("fr")},
                                       QStringList{QStringLiteral("stray")}}) {
            const auto r = parse(bad);
            QVERIFY2(r.exit && r.exitCode == 2 && !r.message.isEmpty(), qPrintable(bad.join(u' ')));
        }
        QCOMPARE(parse({QStringLiteral("--help")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "test_logging.moc"
