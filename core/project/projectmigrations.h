#pragma once

#include "core/project/schemamigrator.h"

#include <span>

namespace cinetune {

// The schema history of the .cinetune project file, oldest first; step N takes a project from
// file format N-1 to N. To change the schema, append a step in projectmigrations.cpp (never edit
// one that has shipped) and add a test that opens a file of the previous format.
std::span<const Migration> projectMigrations();

} // namespace cinetune
