#pragma once

#include <deque>

namespace engine {

//! How unusual the latest volume is: (v - mean) / stddev over the previous
//! `window` values (population stddev). 0 until the window is full or flat.
class VolumeZScore {
public:
    explicit VolumeZScore(int window = 20);
    void update(double volume);
    [[nodiscard]] double value() const { return m_z; }
    [[nodiscard]] bool isReady() const { return int(m_history.size()) >= m_window; }

private:
    int m_window;
    std::deque<double> m_history; // previous values, excluding the latest
    double m_z = 0;
};

} // namespace engine
