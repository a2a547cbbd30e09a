#pragma once

#include <QStringList>

namespace app {

//! `memedesk user add NAME --role admin|trader|viewer | delete NAME | role NAME ROLE | password NAME
//! | list [--data-dir DIR]`: the remote API's users (api-users.sqlite in the data folder). Passwords
//! come from standard input, never from the command line (where `ps` and shell history would see
//! them). Exit code: 0 done, 2 bad usage or refused input, 1 the database failed.
int runUserCommand(const QStringList &arguments);

} // namespace app
