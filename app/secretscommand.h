#pragma once

#include <QStringList>

namespace app {

//! `memedesk secrets set NAME | delete NAME | list`: the OS keychain without a window. A value is
//! read from standard input (never from the command line, where it would show in the process list
//! and the shell history) and never printed; `list` shows names and "set" / "not set" only.
//! `arguments` is the whole argv. Exit code: 0 done, 1 the keychain failed, 2 bad usage.
int runSecretsCommand(const QStringList &arguments);

} // namespace app
