#include "adapters/keychain/keychainerror.h"

#include <QTest>

#include <qt6keychain/keychain.h>

using adapters::keychain::describeKeychainError;

// The mapping from QtKeychain codes to the texts callers see; the real keychain is in e2e/keychain.
class TestKeychainError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void successIsEmpty() { QCOMPARE(describeKeychainError(QKeychain::NoError, QStringLiteral("ignored")), QString()); }

    void missingEntryIsExactlyNotFound()
    {
        // Callers compare against this text to tell "never stored" from a broken keychain.
        QCOMPARE(describeKeychainError(QKeychain::EntryNotFound, QStringLiteral("No match")), QStringLiteral("not found"));
    }

    void everyFailureIsReadable()
    {
        for (auto code : {QKeychain::CouldNotDeleteEntry, QKeychain::AccessDeniedByUser, QKeychain::AccessDenied,
                          QKeychain::NoBackendAvailable, QKeychain::NotImplemented, QKeychain::OtherError}) {
            const QString text = describeKeychainError(code, QString());
            QVERIFY(!text.isEmpty());
            QVERIFY(text.contains(QLatin1String("keychain")));
        }
        QVERIFY(describeKeychainError(QKeychain::NoBackendAvailable, QString()).contains(QLatin1String("Secret Service")));
        QCOMPARE(describeKeychainError(QKeychain::OtherError, QStringLiteral("  D-Bus timeout ")),
                 QStringLiteral("keychain error: D-Bus timeout"));
    }

    void secretNeverAppearsInTheMessage()
    {
        const QString text = describeKeychainError(
            QKeychain::OtherError, QStringLiteral("cannot store 'hunter2-long-secret' in collection"), u"hunter2-long-secret");
        QVERIFY2(!text.contains(QLatin1String("hunter2")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("[redacted]")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainError)
#include "test_keychainerror.moc"
