#include "ui/widgets/decimalfield.h"

#include "ui/format.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

namespace ui {

namespace {
const engine::Decimal kHundred = engine::Decimal::fromInt(100);
}

DecimalField::DecimalField(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_suffix(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Field"));
    m_edit->setObjectName(name + QStringLiteral("Edit"));
    m_error->setObjectName(name + QStringLiteral("Error"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_edit->setFixedWidth(150);
    m_edit->setAlignment(Qt::AlignRight);
    m_suffix->setProperty("role", QStringLiteral("muted"));
    m_suffix->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_suffix);
    layout->addWidget(m_error, 1);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        validate();
        Q_EMIT edited();
    });
}

void DecimalField::setPercent(bool percent)
{
    m_percent = percent;
    setSuffix(percent ? QStringLiteral("%") : QString());
}

void DecimalField::setMinimum(const engine::Decimal &minimum, bool exclusive)
{
    m_min = minimum;
    m_minExclusive = exclusive;
}

void DecimalField::setMaximum(const engine::Decimal &maximum)
{
    m_max = maximum;
}

void DecimalField::setEditWidth(int pixels)
{
    m_edit->setFixedWidth(pixels);
}

void DecimalField::setSuffix(const QString &suffix)
{
    m_suffix->setText(suffix);
    m_suffix->setVisible(!suffix.isEmpty());
}

void DecimalField::setValue(const engine::Decimal &value)
{
    m_edit->setText((m_percent ? value * kHundred : value).toString());
    validate();
}

std::optional<engine::Decimal> DecimalField::parse(QString *error) const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        *error = tr("Required");
        return std::nullopt;
    }
    QString detail;
    const std::optional<engine::Decimal> parsed = engine::Decimal::parse(QStringView(text), &detail);
    if (!parsed) {
        *error = tr("Not a number (use digits and a dot, e.g. 12.5)");
        return std::nullopt;
    }
    const engine::Decimal shown = *parsed;
    const auto bound = [this](const engine::Decimal &d) { return format::grouped(d.toString()); };
    if (m_min && (m_minExclusive ? shown <= *m_min : shown < *m_min)) {
        *error = m_minExclusive ? tr("Must be greater than %1").arg(bound(*m_min))
                                : tr("Must be at least %1").arg(bound(*m_min));
        return std::nullopt;
    }
    if (m_max && shown > *m_max) {
        *error = tr("Must be at most %1").arg(bound(*m_max));
        return std::nullopt;
    }
    try {
        return m_percent ? shown / kHundred : shown;
    } catch (const engine::DecimalError &) {
        *error = tr("Out of range");
        return std::nullopt;
    }
}

std::optional<engine::Decimal> DecimalField::value() const
{
    QString error;
    return parse(&error);
}

bool DecimalField::validate()
{
    QString error;
    const bool ok = parse(&error).has_value();
    m_error->setText(ok ? QString() : error);
    if (m_edit->property("invalid").toBool() != !ok) {
        m_edit->setProperty("invalid", !ok);
        m_edit->style()->unpolish(m_edit);
        m_edit->style()->polish(m_edit);
    }
    return ok;
}

QString DecimalField::errorText() const
{
    return m_error->text();
}

void DecimalField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_error->text().isEmpty())
        validate();
    QWidget::changeEvent(event);
}

} // namespace ui
