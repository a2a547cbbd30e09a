// The real window in live mode against the fake Binance exchange on 127.0.0.1, under Xvfb, with
// the keys stored through `memedesk secrets set` in the throwaway keyring: a manual limit order
// entered in the ticket is confirmed in the real-money dialog, reaches the exchange, shows among
// the working orders, and is cancelled there; the Dashboard shows the connection's health.
#include "app/appcontext.h"
#include "ui/mainwindow.h"
#include "ui/widgets/orderticket.h"
#include "tests/support/apprunner.h"
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/testsupport.h"

#include "engine/api/botapi.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

using engine::Decimal;

namespace {
const QByteArray kKey = "guiKeyZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
const QByteArray kSecret = "guiSecretSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
const QString kService = QStringLiteral("memedesk-test-livewindow");

int secrets(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MEMEDESK_KEYCHAIN_SERVICE"), kService);
    p.setProcessEnvironment(env);
    p.start(testsupport::appPath(), QStringList{QStringLiteral("secrets")} + args);
    p.waitForStarted(10000);
    p.write(input);
    p.closeWriteChannel();
    return p.waitForFinished(30000) ? p.exitCode() : -1;
}
} // namespace

class TestLiveWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        secrets({QStringLiteral("delete"), QStringLiteral("binance.api_key")});
        secrets({QStringLiteral("delete"), QStringLiteral("binance.api_secret")});
    }

    void aManualLiveOrderIsConfirmedPlacedAndCancelled()
    {
        QCOMPARE(secrets({QStringLiteral("set"), QStringLiteral("binance.api_key")}, kKey), 0);
        QCOMPARE(secrets({QStringLiteral("set"), QStringLiteral("binance.api_secret")}, kSecret), 0);
        binancetest::FakeExchange ex(kKey, kSecret, testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"));
        ex.setPrice(QStringLiteral("PEPEUSDT"), Decimal::fromString("0.00001000"));

        app::AppOptions o;
        o.dataDir = testsupport::makeTempDir(QStringLiteral("memedesk-livewindow"));
        o.mode = engine::TradingMode::Live;
        o.autostart = false;
        o.keychainService = kService;
        o.venueSettings = {{QStringLiteral("binance.rest_url"), ex.restUrl().toString()},
                           {QStringLiteral("binance.stream_url"), ex.streamUrl().toString()},
                           {QStringLiteral("binance.ws_api_url"), ex.wsApiUrl().toString()},
                           {QStringLiteral("symbols"), QStringLiteral("PEPEUSDT")}};
        app::AppContext ctx(o);
        const engine::Result<void> started = ctx.initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        ui::MainWindow window(ctx.api());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ctx.run();
        QVERIFY(window.windowTitle().contains(QLatin1String("Live")));
        QTRY_VERIFY_WITH_TIMEOUT(ex.streamSubscriptions() >= 5 && ex.userSubscriptions >= 1, 20000);
        ctx.api().start();
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().engineState == engine::EngineState::Running, 20000);
        ex.setPrice(QStringLiteral("PEPEUSDT"), Decimal::fromString("0.00001000")); // a book to preview against

        window.showView(ui::MainWindow::View::Trade);
        auto *symbol = window.findChild<QComboBox *>(QStringLiteral("ticketSymbol"));
        QTRY_VERIFY_WITH_TIMEOUT(symbol->findText(QStringLiteral("PEPEUSDT")) >= 0, 20000);
        symbol->setCurrentIndex(symbol->findText(QStringLiteral("PEPEUSDT")));
        auto *qty = window.findChild<QLineEdit *>(QStringLiteral("ticketQtyEdit"));
        auto *price = window.findChild<QLineEdit *>(QStringLiteral("ticketPriceEdit"));
        qty->clear();
        QTest::keyClicks(qty, QStringLiteral("1000000"));
        price->clear();
        QTest::keyClicks(price, QStringLiteral("0.00000800"));
        // The 24 h mini ticker from the stream, beside the symbol.
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("ticketTicker"))->text().contains(QLatin1String("24 h:")), 20000);
        auto *place = window.findChild<QPushButton *>(QStringLiteral("ticketPlace"));
        QTRY_VERIFY_WITH_TIMEOUT(place->isEnabled(), 10000);
        // Real money: the real confirmation dialog comes up; the trader says yes.
        bool confirmed = false;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&confirmed] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                confirmed = box->text().contains(QLatin1String("real money"));
                box->button(QMessageBox::Yes)->click();
            }
        });
        answer.start(50);
        QTest::mouseClick(place, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(confirmed, 10000);
        answer.stop();
        QTRY_COMPARE_WITH_TIMEOUT(ex.orders.size(), 1, 20000);
        const binancetest::FakeOrder sent = ex.orders.first();
        QCOMPARE(sent.type, QStringLiteral("LIMIT"));
        QCOMPARE(sent.timeInForce, QStringLiteral("GTC"));
        QCOMPARE(sent.origQty, Decimal::fromInt(1'000'000));
        QCOMPARE(sent.limitPrice, Decimal::fromString("0.000008"));

        auto *orders = window.findChild<QTableView *>(QStringLiteral("openOrdersTable"));
        QTRY_VERIFY_WITH_TIMEOUT(orders->model()->rowCount() == 1
                                     && orders->model()->index(0, 7).data().toString() == QLatin1String("Accepted"),
                                 20000);
        orders->selectRow(0);
        QTest::qWait(200);
        const QString shot = testsupport::testOutputDir() + QStringLiteral("/screenshot-live-manual-order.png");
        window.grab().save(shot);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("cancelOrderButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ex.orders.first().status, QStringLiteral("CANCELED"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(orders->model()->rowCount(), 0, 20000);
        QCOMPARE(ex.orderPosts, 1);

        // The status bar says how the connection is.
        auto *health = window.findChild<QLabel *>(QStringLiteral("venueHealthStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(health->isVisible() && health->text().contains(QLatin1String("account stream up")), 20000);
        window.showView(ui::MainWindow::View::Dashboard);
        QTest::qWait(300);
        window.grab().save(testsupport::testOutputDir() + QStringLiteral("/screenshot-live-dashboard.png"));

        ctx.api().stop();
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().engineState == engine::EngineState::Stopped, 10000);
        window.close();
        ctx.shutdown();
    }
};

QTEST_MAIN(TestLiveWindow)
#include "test_livewindow.moc"
