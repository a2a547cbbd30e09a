#pragma once

#include "engine/api/remoteapi.h"
#include "engine/core/result.h"

namespace engine {

//! Runs the remote API (the composition root implements it with adapters/rest). Called on the
//! thread that owns the application (the window's).
class RemoteApiControl {
public:
    virtual ~RemoteApiControl() = default;
    //! Every problem with `settings` (address, loopback rule, TLS pair, origins); empty = fine.
    [[nodiscard]] virtual QStringList validate(const RemoteApiSettings &settings) const = 0;
    //! Starts, restarts or stops the API to match `settings`. API_LISTEN_FAILED, API_TLS_INVALID,
    //! API_SECRET_UNAVAILABLE; after an error the API is off.
    virtual Result<void> apply(const RemoteApiSettings &settings) = 0;
    [[nodiscard]] virtual RemoteApiState state() const = 0;
};

} // namespace engine
