#include "adapters/keychain/callercontext.h"

#include <QMetaObject>
#include <QObject>

namespace adapters::keychain {

CallerContext::CallerContext()
    : m_anchor(new QObject)
{
}

void CallerContext::deliver(std::function<void()> function) const
{
    QObject *anchor = m_anchor;
    QMetaObject::invokeMethod(
        anchor,
        [anchor, function = std::move(function)] {
            function();
            anchor->deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace adapters::keychain
