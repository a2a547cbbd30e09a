#include "ui/widgets/statcard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

StatCard::StatCard(const QString &name, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Card"));
    setProperty("role", QStringLiteral("card"));
    m_title->setProperty("role", QStringLiteral("cardTitle"));
    m_value->setProperty("role", QStringLiteral("cardValue"));
    m_value->setObjectName(name + QStringLiteral("Value"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setProperty("role", QStringLiteral("muted"));
    m_detail->setText(QStringLiteral("\u00a0")); // keeps every card the same height
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StatCard::setTitle(const QString &title)
{
    m_title->setText(title.toUpper());
}

void StatCard::setValue(const QString &value, const QColor &color)
{
    m_value->setText(value);
    m_value->setStyleSheet(color.isValid() ? QStringLiteral("color: %1;").arg(color.name()) : QString());
}

void StatCard::setDetail(const QString &detail)
{
    m_detail->setText(detail.isEmpty() ? QStringLiteral("\u00a0") : detail);
}

QString StatCard::value() const
{
    return m_value->text();
}

} // namespace ui
