#pragma once

namespace engine {

//! Average True Range (Wilder): TR = max(high-low, |high-prevClose|, |low-prevClose|),
//! seeded with the mean of the first `period` true ranges.
class Atr {
public:
    explicit Atr(int period = 14);
    void update(double high, double low, double close);
    [[nodiscard]] double value() const { return m_atr; }
    [[nodiscard]] bool isReady() const { return m_count >= m_period; }

private:
    int m_period;
    bool m_hasPrev = false;
    double m_prevClose = 0;
    double m_atr = 0;
    int m_count = 0;
};

} // namespace engine
