#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace engine {

//! Why something failed: a stable code that clients and tests match on ("SECRET_NOT_FOUND"), and
//! English text for the log. What a user reads is translated from the code by the front end
//! (as ui::Labels::denial does for risk denials), never parsed from the text.
struct Error {
    QString code;
    QString message;
    QStringList details; // one line per problem when there are several (e.g. every invalid setting)

    Error() = default;
    Error(QString c, QString m, QStringList d = {}) : code(std::move(c)), message(std::move(m)), details(std::move(d)) {}

    [[nodiscard]] bool is(const char *c) const { return code == QLatin1String(c); }
    //! "SECRET_NOT_FOUND: no such entry" for logs.
    [[nodiscard]] QString toString() const { return message.isEmpty() ? code : code + QStringLiteral(": ") + message; }
};

//! A value or an Error: the one way fallible calls answer (Bitcoin Core's util::Result, in small).
template<class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_state); }
    [[nodiscard]] T &value() & { return std::get<0>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const { return value(); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

//! A Result with nothing to return but success.
template<>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    [[nodiscard]] bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

//! Stable codes shared by more than one place.
namespace errors {
inline constexpr const char *kSecretNotFound = "SECRET_NOT_FOUND";
inline constexpr const char *kKeychainUnavailable = "KEYCHAIN_UNAVAILABLE";
inline constexpr const char *kKeychainDenied = "KEYCHAIN_ACCESS_DENIED";
inline constexpr const char *kKeychainError = "KEYCHAIN_ERROR";
inline constexpr const char *kInvalidArgument = "INVALID_ARGUMENT";
inline constexpr const char *kConfigInvalid = "CONFIG_INVALID";
inline constexpr const char *kJournalInconsistent = "JOURNAL_INCONSISTENT"; // money does not add up
inline constexpr const char *kDataDirInUse = "DATA_DIR_IN_USE";
inline constexpr const char *kDataDirUnavailable = "DATA_DIR_UNAVAILABLE";
inline constexpr const char *kModeUnavailable = "MODE_UNAVAILABLE";
inline constexpr const char *kBackupFailed = "BACKUP_FAILED";
inline constexpr const char *kPositionOversold = "POSITION_OVERSOLD";
inline constexpr const char *kFillOverflow = "FILL_OVERFLOW";
inline constexpr const char *kJournalUnreadable = "JOURNAL_UNREADABLE";
inline constexpr const char *kOrderUnknown = "ORDER_UNKNOWN";
inline constexpr const char *kOrderIllegalTransition = "ORDER_ILLEGAL_TRANSITION";
inline constexpr const char *kOrderOverfill = "ORDER_OVERFILL";
inline constexpr const char *kFillDuplicate = "FILL_DUPLICATE";
inline constexpr const char *kFillInvalid = "FILL_INVALID";
inline constexpr const char *kJournalDamaged = "JOURNAL_DAMAGED";       // restore a backup
inline constexpr const char *kJournalInUse = "JOURNAL_IN_USE";          // another process has it
inline constexpr const char *kJournalTooNew = "JOURNAL_TOO_NEW";        // written by a newer Memedesk
inline constexpr const char *kJournalUnavailable = "JOURNAL_UNAVAILABLE"; // folder, driver, disk
inline constexpr const char *kJournalValueUnreadable = "JOURNAL_VALUE_UNREADABLE";
} // namespace errors

} // namespace engine
