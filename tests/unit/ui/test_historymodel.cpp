// HistoryModel and CsvExporter over a fake journal of a million fills.
#include "tests/unit/ui/fakebotapi.h"
#include "ui/labels.h"
#include "ui/models/csv.h"
#include "ui/models/csvexporter.h"
#include "ui/models/historymodel.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using testsupport::FakeBotApi;
using ui::HistoryModel;

class TestHistoryModel : public QObject {
    Q_OBJECT

private:
    static engine::HistoryQuery fillsQuery()
    {
        engine::HistoryQuery q;
        q.kind = engine::HistoryQuery::Kind::Fills;
        return q;
    }

    static QString readFile(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll());
    }

private Q_SLOTS:
    void millionRowsAreCountedNotLoaded()
    {
        FakeBotApi api;
        HistoryModel model(api);
        QSignalSpy totals(&model, &HistoryModel::totalChanged);
        model.setFilter(fillsQuery());
        QVERIFY(model.isCounting());
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 1'000'000);
        QVERIFY(!model.isCounting());
        QCOMPARE(model.totalRows(), 1'000'000);
        QCOMPARE(model.columnCount(), 11);
        QVERIFY(totals.count() >= 2);
        // Only the first page was asked for, with the model's page size.
        QCOMPARE(api.historyQueries.size(), 1);
        QCOMPARE(api.historyQueries.first().offset, 0);
        QCOMPARE(api.historyQueries.first().limit, HistoryModel::kPageSize);
        QVERIFY(model.isRowLoaded(0));
        QVERIFY(!model.isRowLoaded(HistoryModel::kPageSize));
        QCOMPARE(model.cachedPageCount(), 1);
    }

    void pagesLoadOnDemand()
    {
        FakeBotApi api;
        HistoryModel model(api);
        model.setFilter(fillsQuery());
        QTRY_COMPARE(model.rowCount(), 1'000'000);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const QModelIndex far = model.index(500'123, 9); // fill id column
        QVERIFY(!model.isRowLoaded(500'123));
        QCOMPARE(model.index(500'123, 0).data().toString(), HistoryModel::tr("Loading…"));
        QVERIFY(far.data().toString().isEmpty());
        QTRY_VERIFY(model.isRowLoaded(500'123));
        QCOMPARE(far.data().toString(), QStringLiteral("F0500123"));
        QCOMPARE(model.index(500'123, 1).data().toString(), QStringLiteral("PEPEUSDT"));
        QCOMPARE(model.index(500'000, 9).data().toString(), QStringLiteral("F0500000")); // same page
        QVERIFY(changed.count() >= 1);
        const engine::HistoryQuery &q = api.historyQueries.last();
        QCOMPARE(q.offset, (500'123 / HistoryModel::kPageSize) * HistoryModel::kPageSize);
        QCOMPARE(q.limit, HistoryModel::kPageSize);
        // Meme prices keep their significant digits.
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("0.00000123"));
        QCOMPARE(api.historyQueries.size(), 2);
    }

    void viewScrollingLoadsOnlyVisiblePagesAndTheLastRow()
    {
        FakeBotApi api;
        HistoryModel model(api);
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->setDefaultSectionSize(22);
        view.setModel(&model);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setFilter(fillsQuery());
        QTRY_COMPARE(model.rowCount(), 1'000'000);

        // A fast drag through the whole table: many positions, few requests.
        QScrollBar *bar = view.verticalScrollBar();
        for (int step = 0; step <= 100; ++step) {
            bar->setValue(int(qint64(bar->maximum()) * step / 100));
            QCoreApplication::processEvents();
        }
        view.scrollToBottom();
        QTRY_VERIFY(model.isRowLoaded(999'999));
        QTRY_COMPARE(model.index(999'999, 9).data().toString(), QStringLiteral("F0999999"));
        QVERIFY2(model.requestCount() < 300, qPrintable(QString::number(model.requestCount())));
        QVERIFY(model.cachedPageCount() <= HistoryModel::kMaxCachedPages);

        // Every visible row ends up loaded: no placeholder left on screen.
        const int top = view.rowAt(0);
        const int bottom = view.rowAt(view.viewport()->height() - 1);
        QVERIFY(top >= 0);
        for (int row = top; row <= (bottom < 0 ? 999'999 : bottom); ++row)
            QTRY_VERIFY(model.isRowLoaded(row));
    }

    void pageCacheIsBounded()
    {
        FakeBotApi api;
        api.historyDelayMs = 0;
        HistoryModel model(api);
        model.setFilter(fillsQuery());
        QTRY_COMPARE(model.rowCount(), 1'000'000);
        for (int page = 0; page < HistoryModel::kMaxCachedPages * 2; ++page) {
            const int row = page * 4000;
            model.index(row, 0).data();
            QTRY_VERIFY(model.isRowLoaded(row));
        }
        QVERIFY(model.cachedPageCount() <= HistoryModel::kMaxCachedPages);
        // An evicted page is fetched again when needed.
        QVERIFY(!model.isRowLoaded(4000));
        model.index(4000, 0).data();
        QTRY_VERIFY(model.isRowLoaded(4000));
    }

    void filtersChangeTheQuery()
    {
        FakeBotApi api;
        HistoryModel model(api);
        model.setFilter(fillsQuery());
        QTRY_COMPARE(model.rowCount(), 1'000'000);

        engine::HistoryQuery q = fillsQuery();
        q.symbol = QStringLiteral("DOGEUSDT");
        q.side = engine::Side::Sell;
        q.fromMs = 1'700'000'000'000LL;
        q.toMs = 1'700'100'000'000LL;
        model.setFilter(q);
        QCOMPARE(model.rowCount(), 0); // old rows are gone at once
        QTRY_COMPARE(model.rowCount(), 125'000);
        const engine::HistoryQuery &sent = api.historyQueries.last();
        QCOMPARE(sent.symbol, QStringLiteral("DOGEUSDT"));
        QVERIFY(sent.side.has_value());
        QVERIFY(*sent.side == engine::Side::Sell);
        QCOMPARE(sent.fromMs, q.fromMs);
        QCOMPARE(sent.toMs, q.toMs);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("DOGEUSDT"));
        QCOMPARE(model.index(0, 2).data().toString(), ui::Labels::side(engine::Side::Sell));

        engine::HistoryQuery orders;
        orders.kind = engine::HistoryQuery::Kind::Orders;
        model.setFilter(orders);
        QTRY_COMPARE(model.rowCount(), 1'000'000);
        QCOMPARE(model.columnCount(), 16); // the last one: the mode each order was made in
        QVERIFY(api.historyQueries.last().kind == engine::HistoryQuery::Kind::Orders);
        QCOMPARE(model.headerData(4, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Status"));
        QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("Filled"));
    }

    void refreshRowsKeepsRowsUntilFreshOnesArrive()
    {
        FakeBotApi api;
        api.historyRows = 1000;
        api.historyDelayMs = 30;
        HistoryModel model(api);
        model.setFilter(fillsQuery());
        QTRY_COMPARE(model.rowCount(), 1000);
        model.index(900, 0).data();
        QTRY_VERIFY(model.isRowLoaded(900));

        api.historyRows = 1500; // the journal grew
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refreshRows();
        QCOMPARE(model.rowCount(), 1000); // nothing vanishes while waiting
        QVERIFY(model.isRowLoaded(0));
        QTRY_COMPARE(model.rowCount(), 1500);
        QCOMPARE(resets.count(), 0);
        QVERIFY(model.isRowLoaded(0));
        QVERIFY(!model.isRowLoaded(900)); // stale page dropped, fetched again on demand
        model.index(1499, 9).data();
        QTRY_COMPARE(model.index(1499, 9).data().toString(), QStringLiteral("F0001499"));
    }

    void staleAnswersAreIgnored()
    {
        FakeBotApi api;
        api.historyDelayMs = 50;
        HistoryModel model(api);
        model.setFilter(fillsQuery());
        engine::HistoryQuery q = fillsQuery();
        q.symbol = QStringLiteral("WIFUSDT");
        model.setFilter(q); // before the first answer arrives
        QTRY_COMPARE(model.rowCount(), 250'000);
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 250'000);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("WIFUSDT"));
    }

    void queryErrorsAreReported()
    {
        FakeBotApi api;
        api.historyError = QStringLiteral("database is locked");
        HistoryModel model(api);
        QSignalSpy errors(&model, &HistoryModel::errorOccurred);
        model.setFilter(fillsQuery());
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().toString(), QStringLiteral("database is locked"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isCounting());
    }

    void csvQuoting()
    {
        QCOMPARE(ui::csv::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(ui::csv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(ui::csv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(ui::csv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(ui::csv::field(QStringLiteral(" pad")), QStringLiteral("\" pad\""));
        QCOMPARE(ui::csv::field(QString()), QString());
        QCOMPARE(ui::csv::row({QStringLiteral("a"), QString(), QStringLiteral("c,d")}),
                 QStringLiteral("a,,\"c,d\"\r\n"));
    }

    void csvExportOfOrdersIsExactAndQuoted()
    {
        FakeBotApi api;
        engine::Order a;
        a.clientId = QStringLiteral("md-1");
        a.venueOrderId = QStringLiteral("v-9");
        a.symbol = QStringLiteral("PEPEUSDT");
        a.side = engine::Side::Buy;
        a.type = engine::OrderType::Limit;
        a.qty = engine::Decimal::fromString("1000000");
        a.limitPrice = engine::Decimal::fromString("0.00000123");
        a.filledQty = engine::Decimal::fromString("250000.5");
        a.avgPrice = engine::Decimal::fromString("0.000001229");
        a.fees = engine::Decimal::fromString("0.000307");
        a.status = engine::OrderStatus::PartiallyFilled;
        a.strategy = QStringLiteral("momentum_social");
        a.reason = QStringLiteral("score 0.71, \"hype\" rising,\nvolume z 3.2");
        a.createdMs = 1'700'000'000'123LL;
        a.updatedMs = 1'700'000'060'000LL;
        engine::Order b;
        b.clientId = QStringLiteral("md-2");
        b.symbol = QStringLiteral("WIFUSDT");
        b.side = engine::Side::Sell;
        b.qty = engine::Decimal::fromString("12.5");
        b.status = engine::OrderStatus::Rejected;
        b.strategy = QStringLiteral("exit:stop_loss");
        b.reason = QStringLiteral("insufficient balance");
        b.createdMs = 1'700'000'100'000LL;
        b.updatedMs = 1'700'000'100'500LL;
        api.historyOrders = QList<engine::Order>{a, b};

        const QString path = testsupport::makeTempDir(QStringLiteral("csv")) + QStringLiteral("/orders.csv");
        ui::CsvExporter exporter(api);
        QSignalSpy finished(&exporter, &ui::CsvExporter::finished);
        engine::HistoryQuery q;
        q.kind = engine::HistoryQuery::Kind::Orders;
        QVERIFY(exporter.start(q, path));
        QVERIFY(exporter.isRunning());
        QVERIFY(!QFile::exists(path)); // appears only when complete
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const QString expected = QStringLiteral(
            "created,symbol,side,type,status,qty,filled_qty,limit_price,avg_price,fees,strategy,reason,"
            "client_order_id,venue_order_id,updated,mode\r\n"
            "2023-11-14T22:13:20.123Z,PEPEUSDT,BUY,LIMIT,PARTIALLY_FILLED,1000000,250000.5,0.00000123,0.000001229,"
            "0.000307,momentum_social,\"score 0.71, \"\"hype\"\" rising,\nvolume z 3.2\",md-1,v-9,"
            "2023-11-14T22:14:20.000Z,demo\r\n"
            "2023-11-14T22:15:00.000Z,WIFUSDT,SELL,MARKET,REJECTED,12.5,0,,,0,exit:stop_loss,insufficient balance,"
            "md-2,,2023-11-14T22:15:00.500Z,demo\r\n");
        QCOMPARE(readFile(path), expected);
    }

    void csvExportOfFillsPagesThroughEverything()
    {
        FakeBotApi api;
        api.historyRows = 1234;
        api.historyDelayMs = 0;
        const QString path = testsupport::makeTempDir(QStringLiteral("csv")) + QStringLiteral("/fills.csv");
        ui::CsvExporter exporter(api);
        QSignalSpy progress(&exporter, &ui::CsvExporter::progress);
        QSignalSpy finished(&exporter, &ui::CsvExporter::finished);
        QVERIFY(exporter.start(fillsQuery(), path));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(progress.count(), 3); // 500 + 500 + 234
        QCOMPARE(progress.last().at(0).toLongLong(), 1234);
        QCOMPARE(progress.last().at(1).toLongLong(), 1234);
        const QStringList lines = readFile(path).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1235);
        QCOMPARE(lines.at(0), QStringLiteral("time,symbol,side,price,qty,notional,fee,fee_asset,liquidity,fill_id,"
                                             "client_order_id"));
        QCOMPARE(lines.at(1), QStringLiteral("2023-11-14T22:13:20.000Z,PEPEUSDT,BUY,0.00000123,1000,0.00123,0.0012,"
                                             "USDT,taker,F0000000,md-0"));
        QVERIFY(lines.last().contains(QStringLiteral("F0001233")));
        for (int i = 1; i < lines.size(); ++i) // every fill exactly once, in order
            QVERIFY(lines.at(i).contains(QStringLiteral(",F%1,").arg(i - 1, 7, 10, QLatin1Char('0'))));
    }

    void csvExportCanBeCancelled()
    {
        FakeBotApi api;
        api.historyDelayMs = 5;
        const QString path = testsupport::makeTempDir(QStringLiteral("csv")) + QStringLiteral("/big.csv");
        ui::CsvExporter exporter(api);
        QSignalSpy progress(&exporter, &ui::CsvExporter::progress);
        QSignalSpy finished(&exporter, &ui::CsvExporter::finished);
        QVERIFY(exporter.start(fillsQuery(), path));
        QTRY_VERIFY(progress.count() >= 2);
        exporter.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(!exporter.isRunning());
        QVERIFY(!QFile::exists(path));
        QTest::qWait(30);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(TestHistoryModel)
#include "test_historymodel.moc"
