#include "adapters/keychain/keychainerror.h"

#include <QTest>

#include <qt6keychain/keychain.h>

using adapters::keychain::keychainError;

namespace {
QString text(int code, const QString &detail = {}, QStringView secret = {})
{
    const auto e = keychainError(code, detail, secret);
    return e ? e->message : QString();
}
} // namespace

// The mapping from QtKeychain codes to typed errors; the real keychain is in e2e/keychain.
class TestKeychainError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void successIsNoError() { QVERIFY(!keychainError(QKeychain::NoError, QStringLiteral("ignored"))); }

    void missingEntryHasItsOwnCode()
    {
        // Callers tell "never stored" from a broken keychain by the code, never by the text.
        const auto e = keychainError(QKeychain::EntryNotFound, QStringLiteral("No match"));
        QVERIFY(e);
        QCOMPARE(e->code, QLatin1String(engine::errors::kSecretNotFound));
    }

    void everyFailureIsTypedAndReadable()
    {
        for (auto code : {QKeychain::CouldNotDeleteEntry, QKeychain::AccessDeniedByUser, QKeychain::AccessDenied,
                          QKeychain::NoBackendAvailable, QKeychain::NotImplemented, QKeychain::OtherError}) {
            const auto e = keychainError(code, QString());
            QVERIFY(e && !e->code.isEmpty());
            QVERIFY(e->message.contains(QLatin1String("keychain")));
        }
        QCOMPARE(keychainError(QKeychain::NoBackendAvailable, QString())->code, QLatin1String(engine::errors::kKeychainUnavailable));
        QCOMPARE(keychainError(QKeychain::AccessDenied, QString())->code, QLatin1String(engine::errors::kKeychainDenied));
        QVERIFY(text(QKeychain::NoBackendAvailable).contains(QLatin1String("Secret Service")));
        QCOMPARE(text(QKeychain::OtherError, QStringLiteral("  D-Bus timeout ")), QStringLiteral("keychain error: D-Bus timeout"));
    }

    void secretNeverAppearsInTheMessage()
    {
        const QString t = text(QKeychain::OtherError, QStringLiteral("cannot store 'hunter2-long-secret' in collection"),
                               u"hunter2-long-secret");
        QVERIFY2(!t.contains(QLatin1String("hunter2")), qPrintable(t));
        QVERIFY(t.contains(QLatin1String("[redacted]")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainError)
#include "test_keychainerror.moc"
