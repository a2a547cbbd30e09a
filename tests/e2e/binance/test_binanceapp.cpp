// The real app against the fake Binance exchange on 127.0.0.1, headless.
// Dry run: Binance's market data, paper fills, not one order sent to the exchange.
// Live: keys stored with `memedesk secrets set` in the throwaway keyring; the strategy buys a pump
// the exchange plays; the app is killed with SIGKILL while the exchange has taken the order but not
// answered; the restarted app reconciles before trading, and its journal then matches the
// exchange's own record of orders, fills and balances exactly.
#include "tests/support/apprunner.h"
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QTimer>

using engine::Decimal;
using namespace testsupport;

namespace {

const QByteArray kKey = "e2eKeyPZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
const QByteArray kSecret = "e2eSecretmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
const QString kPepe = QStringLiteral("PEPEUSDT");
const QString kService = QStringLiteral("memedesk-test-binance");

QProcessEnvironment env()
{
    QProcessEnvironment e = headlessEnv();
    e.insert(QStringLiteral("MEMEDESK_KEYCHAIN_SERVICE"), kService);
    return e;
}

int storeSecret(const QString &name, const QByteArray &value)
{
    QProcess p;
    p.setProcessEnvironment(env());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(appPath(), {QStringLiteral("secrets"), QStringLiteral("set"), name});
    p.waitForStarted(10000);
    p.write(value);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        return -1;
    return p.exitCode();
}

//! Two hours of quiet 1-minute bars, then a pump played live: a bar and a price every 250 ms.
class Market {
public:
    explicit Market(binancetest::FakeExchange &ex) : m_ex(ex)
    {
        m_minute = QDateTime::currentMSecsSinceEpoch() / 60000 * 60000 - 121 * 60000;
        for (int i = 0; i < 120; ++i)
            add(1000 + (i % 2) * 4, Decimal::fromInt(100'000'000 + (i % 3) * 5'000'000), false);
        m_ex.setPrice(kPepe, price(1004));
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { step(); });
    }
    void play() { m_timer.start(250); }
    void stop() { m_timer.stop(); }

private:
    static Decimal price(qint64 units) { return Decimal::fromInt(units) / Decimal::fromInt(100'000'000); }
    void add(qint64 units, Decimal volume, bool push)
    {
        binancetest::FakeBar b;
        b.openTimeMs = m_minute;
        b.open = b.high = b.low = b.close = price(units);
        b.volume = volume;
        m_ex.addBar(kPepe, b, push);
        m_minute += 60000;
    }
    void step()
    {
        // Up 5 %, up 5 %, down 1.5 %: a pump with pauses, heavy volume.
        m_units = m_step % 3 != 2 ? m_units * 105 / 100 : m_units * 985 / 1000;
        ++m_step;
        m_ex.setPrice(kPepe, price(m_units));
        add(m_units, Decimal::fromInt(300'000'000), true);
        if (m_step >= 9) {
            m_units = 1004; // and round again, so a late subscriber still sees a pump
            m_step = 0;
        }
    }

    binancetest::FakeExchange &m_ex;
    QTimer m_timer;
    qint64 m_minute = 0;
    qint64 m_units = 1004;
    int m_step = 0;
};

QStringList urlArgs(const binancetest::FakeExchange &ex)
{
    return {QStringLiteral("--symbols"), kPepe,
            QStringLiteral("--binance-rest-url"), ex.restUrl().toString(),
            QStringLiteral("--binance-stream-url"), ex.streamUrl().toString(),
            QStringLiteral("--binance-ws-api-url"), ex.wsApiUrl().toString(),
            QStringLiteral("--status-interval"), QStringLiteral("1")};
}

QString exchangeInfoPath() { return testDataDir() + QStringLiteral("/binance/exchangeInfo.json"); }

//! The app's own log (every engine line), for failure messages and the reconciliation checks.
QString appLog(const QString &dir)
{
    QFile f(dir + QStringLiteral("/memedesk.log"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool waitForLog(const QString &dir, const QString &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return appLog(dir).contains(needle); }, timeoutMs);
}

void stopCleanly(QProcess &p, QString *out)
{
    p.terminate();
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000); // exitCode() then tells
    *out += QString::fromUtf8(p.readAll());
}

} // namespace

class TestBinanceApp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (const char *name : {"binance.api_key", "binance.api_secret"}) {
            QProcess p;
            p.setProcessEnvironment(env());
            p.start(appPath(), {QStringLiteral("secrets"), QStringLiteral("delete"), QLatin1String(name)});
            p.waitForFinished(30000);
        }
    }

    void dryRunTradesBinanceDataWithPaperMoney()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Market market(ex);
        const QString dir = makeTempDir(QStringLiteral("memedesk-dryrun"));
        auto app = startApp(QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--mode"), QStringLiteral("dry-run")}
                                + urlArgs(ex),
                            env());
        QString out;
        QVERIFY2(waitForLog(dir, QStringLiteral("Binance Spot at"), 20000), qPrintable(out + appLog(dir)));
        QVERIFY2(QTest::qWaitFor([&] { return ex.streamSubscriptions() >= 5; }, 20000), qPrintable(out));
        market.play();
        QVERIFY2(waitForOutput(*app, &out, QStringLiteral("| fills 1"), 60000), qPrintable(appLog(dir).right(4000)));
        market.stop();
        stopCleanly(*app, &out);
        QCOMPARE(app->exitCode(), 0);
        QVERIFY2(out.contains(QLatin1String("BUY")), qPrintable(out.right(2000)));
        QCOMPARE(ex.orderPosts, 0); // paper money: nothing reached the exchange
        const QStringList problems = auditJournalFile(dir + QStringLiteral("/memedesk.sqlite"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void liveTradesSurvivesSigkillAndMatchesTheExchange()
    {
        QCOMPARE(storeSecret(QStringLiteral("binance.api_key"), kKey), 0);
        QCOMPARE(storeSecret(QStringLiteral("binance.api_secret"), kSecret), 0);
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        ex.free.insert(QStringLiteral("USDT"), Decimal::fromInt(10000)); // the configured starting cash
        ex.buyFeeInBase = true; // as Binance does without BNB: the buy's commission comes out of the tokens
        Market market(ex);
        const QString dir = makeTempDir(QStringLiteral("memedesk-live"));
        const QStringList args = QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--mode"),
                                             QStringLiteral("live"), QStringLiteral("--confirm-live")}
                                 + urlArgs(ex);
        // The exchange takes the strategy's order and fills it, but neither the answer nor the user
        // stream's events reach the app before it dies.
        ex.stallOrdersAfterAccepting = true;
        auto app = startApp(args, env());
        QString out;
        QVERIFY2(waitForLog(dir, QStringLiteral("reconciliation done"), 30000), qPrintable(appLog(dir)));
        QVERIFY2(QTest::qWaitFor([&] { return ex.streamSubscriptions() >= 5 && ex.userSubscriptions >= 1; }, 20000),
                 qPrintable(out));
        market.play();
        QVERIFY2(QTest::qWaitFor([&] { return !ex.orders.isEmpty(); }, 60000), qPrintable(appLog(dir).right(4000)));
        market.stop();
        QTest::qWait(300); // the journal has the order; the exchange has filled it; the app heard nothing
        app->kill();
        QVERIFY(app->waitForFinished(10000));
        QCOMPARE(ex.orders.size(), 1);
        QCOMPARE(ex.orders.first().status, QStringLiteral("FILLED"));

        // While the app is away the trader also places an order on the exchange's website.
        ex.stallOrdersAfterAccepting = false;
        ex.placeExternal(kPepe, QStringLiteral("web_manual_1"), QStringLiteral("BUY"), Decimal::fromInt(1'000'000),
                         Decimal::fromString("0.00000500"));
        ex.free[QStringLiteral("USDT")] += Decimal::fromString("250.5"); // and deposits some USDT

        // Restart: reconcile first, then the journal must say what the exchange says.
        auto again = startApp(args, env());
        QString out2;
        const qsizetype logBefore = appLog(dir).size();
        QVERIFY2(QTest::qWaitFor([&] { return appLog(dir).mid(logBefore).contains(QLatin1String("reconciliation done: all open orders answered")); },
                                 30000),
                 qPrintable(appLog(dir).mid(logBefore)));
        QVERIFY2(waitForOutput(*again, &out2, QStringLiteral("| fills 1"), 20000), qPrintable(out2));
        stopCleanly(*again, &out2);
        QCOMPARE(again->exitCode(), 0);
        QCOMPARE(ex.orderPosts, 1); // never re-sent
        QCOMPARE(ex.orders.size(), 2);
        QCOMPARE(ex.orders.value(QStringLiteral("web_manual_1")).status, QStringLiteral("NEW")); // not the app's to cancel

        const QString db = dir + QStringLiteral("/memedesk.sqlite");
        const binancetest::FakeOrder o = ex.orders.value(ex.orders.firstKey() == QLatin1String("web_manual_1") ? ex.orders.lastKey()
                                                                                                          : ex.orders.firstKey());
        QCOMPARE(querySql(db, QStringLiteral("SELECT client_id || ' ' || status || ' ' || filled_qty FROM orders WHERE strategy <> 'external'")),
                 QStringLiteral("%1 FILLED %2").arg(o.clientOrderId, o.executedQty.toString()));
        // The order placed elsewhere is tracked as external and shown as working.
        QCOMPARE(querySql(db, QStringLiteral("SELECT client_id || ' ' || status || ' ' || qty || ' ' || limit_price FROM orders WHERE strategy = 'external'")),
                 QStringLiteral("web_manual_1 ACCEPTED 1000000 0.000005"));
        QVERIFY(appLog(dir).contains(QLatin1String("web_manual_1 ) is working at binance but was not in the journal"))
                || appLog(dir).contains(QLatin1String("(web_manual_1) is working at binance but was not in the journal")));
        const binancetest::FakeTrade &t = ex.trades.first();
        QCOMPARE(ex.trades.size(), 1);
        QCOMPARE(querySql(db, QStringLiteral("SELECT fill_id || ' ' || qty || ' ' || price || ' ' || fee || ' ' || fee_asset FROM fills")),
                 QStringLiteral("PEPEUSDT-%1 %2 %3 %4 PEPE").arg(t.id).arg(t.qty.toString(), t.price.toString(), t.commission.toString()));
        // Cash: what the exchange holds for the account, free and held by the working order.
        QCOMPARE(querySql(db, QStringLiteral("SELECT free FROM balances WHERE asset = 'USDT'")),
                 (ex.free.value(QStringLiteral("USDT")) + ex.locked.value(QStringLiteral("USDT"))).toString());
        QCOMPARE(querySql(db, QStringLiteral("SELECT qty FROM positions WHERE symbol = 'PEPEUSDT'")),
                 ex.free.value(QStringLiteral("PEPE")).toString());
        QVERIFY(appLog(dir).contains(QLatin1String("cash adjusted by 250.5 USDT")));
        const QStringList problems = auditJournalFile(db); // the deposit moved the starting equity too
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestBinanceApp)
#include "test_binanceapp.moc"
