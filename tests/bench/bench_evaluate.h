#pragma once

#include <QJsonObject>

//! `memedesk evaluate`'s throughput: seeds × simulated hours of the strategy (the real engine in
//! lock step with the demo market) and its baselines, on every core.
QJsonObject benchEvaluate(int seeds, int hours, int draws);
