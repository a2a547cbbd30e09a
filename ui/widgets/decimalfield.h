#pragma once

#include "engine/core/decimal.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace ui {

//! A text field for an exact decimal, checked with engine::Decimal::parse as the user
//! types; the problem is shown right next to it. Percent fields show 8 for 0.08.
class DecimalField final : public QWidget {
    Q_OBJECT
public:
    //! `name` gives the object names "<name>Edit" and "<name>Error" for tests.
    explicit DecimalField(const QString &name, QWidget *parent = nullptr);

    //! Shows and accepts percent; value() still returns the fraction.
    void setPercent(bool percent);
    //! Inclusive lower bound in the shown unit (percent for percent fields); `exclusive` makes it strict.
    void setMinimum(const engine::Decimal &minimum, bool exclusive = false);
    void setMaximum(const engine::Decimal &maximum);
    void setSuffix(const QString &suffix);
    //! The edit's fixed width (150 px unless set), for narrow forms.
    void setEditWidth(int pixels);

    void setValue(const engine::Decimal &value);
    //! The parsed value, or nullopt when the text is not acceptable.
    [[nodiscard]] std::optional<engine::Decimal> value() const;
    //! Re-checks the text and shows or clears the error; true when acceptable.
    bool validate();
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] std::optional<engine::Decimal> parse(QString *error) const;

    QLineEdit *m_edit;
    QLabel *m_suffix;
    QLabel *m_error;
    bool m_percent = false;
    std::optional<engine::Decimal> m_min;
    bool m_minExclusive = false;
    std::optional<engine::Decimal> m_max;
};

} // namespace ui
