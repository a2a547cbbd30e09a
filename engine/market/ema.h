#pragma once

namespace engine {

//! Exponential moving average, alpha = 2 / (period + 1), seeded with the simple
//! average of the first `period` values (the common charting convention).
class Ema {
public:
    explicit Ema(int period);
    void update(double value);
    [[nodiscard]] double value() const { return m_value; }
    [[nodiscard]] bool isReady() const { return m_count >= m_period; }
    [[nodiscard]] int period() const { return m_period; }

private:
    int m_period;
    double m_alpha;
    double m_value = 0;
    double m_seedSum = 0;
    int m_count = 0;
};

} // namespace engine
