#pragma once

#include <functional>

namespace adapters::net {

//! Shape of a Backoff (outside the class so it can be a default argument).
struct BackoffPolicy {
    int baseMs = 250;       //!< cap of the first delay
    double factor = 2.0;    //!< growth of the cap per attempt
    int maxMs = 30'000;     //!< the cap never grows beyond this
    bool fullJitter = true; //!< false: the delay is the cap itself (deterministic)
};

//! Exponential backoff with optional full jitter ("sleep = random(0, min(max, base * factor^n))").
//! Full jitter spreads reconnects and retries of many clients so a recovering server is not hit
//! by a synchronized wave. Pure: the random source is injected, so tests are deterministic.
class Backoff {
public:
    using Policy = BackoffPolicy;
    //! Returns a number in [0, 1).
    using RandomSource = std::function<double()>;

    //! A default-constructed random source uses Qt's global generator.
    explicit Backoff(Policy policy = {}, RandomSource random = {});

    //! The delay before the next attempt; counts the attempt.
    [[nodiscard]] int nextDelayMs();
    //! The cap the next call to nextDelayMs() draws under (without counting an attempt).
    [[nodiscard]] int currentCapMs() const;
    //! Delays handed out since construction or the last reset().
    [[nodiscard]] int attempts() const { return m_attempts; }
    //! Back to the first delay, e.g. after a connection proved stable.
    void reset() { m_attempts = 0; }

    [[nodiscard]] const Policy &policy() const { return m_policy; }

private:
    Policy m_policy;
    RandomSource m_random;
    int m_attempts = 0;
};

} // namespace adapters::net
