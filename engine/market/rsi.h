#pragma once

namespace engine {

//! Relative Strength Index with Wilder's smoothing: the first average gain/loss
//! is the simple mean over `period` changes, then avg = (avg*(n-1) + x) / n.
class Rsi {
public:
    explicit Rsi(int period = 14);
    void update(double close);
    //! 0..100; 50 until ready.
    [[nodiscard]] double value() const;
    [[nodiscard]] bool isReady() const { return m_changes >= m_period; }

private:
    int m_period;
    bool m_hasPrev = false;
    double m_prev = 0;
    int m_changes = 0;
    double m_sumGain = 0;
    double m_sumLoss = 0;
    double m_avgGain = 0;
    double m_avgLoss = 0;
};

} // namespace engine
