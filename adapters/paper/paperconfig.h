#pragma once

#include "engine/execution/simvenueconfig.h"

namespace adapters::paper {

//! The paper venue's settings are the simulated venue's (engine/execution/simvenueconfig.h).
using PaperConfig = engine::SimVenueConfig;

} // namespace adapters::paper
