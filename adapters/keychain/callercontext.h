#pragma once

#include <functional>

class QObject;

namespace adapters::keychain {

//! Remembers the thread that made a call so the answer can be delivered there later.
//! Copies share one anchor object; deliver() must be called once, by whichever copy ends the call.
class CallerContext {
public:
    //! Captures the current thread (it must run an event loop to receive the answer).
    CallerContext();

    //! Runs `function` on the captured thread, always asynchronously, then releases the anchor.
    void deliver(std::function<void()> function) const;

private:
    QObject *m_anchor; // lives in the caller's thread; deleted there after delivery
};

} // namespace adapters::keychain
