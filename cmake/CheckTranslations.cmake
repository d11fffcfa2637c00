# The German catalogue is complete: runs lupdate over the sources the UI and core declare (the same
# project file as `ninja cinetune_ui_lupdate`) into a copy of the catalogue in the build folder, and
# fails when that copy gains a message (a user-visible string missing from translations/cinetune_de.ts),
# has an unfinished one, loses one (a message no source has any more), or when lupdate extracts a
# class's tr() call under a context the code does not use (core/common/tr.h). Names each offender.
#
# Script mode, with: LUPDATE (the lupdate executable), PROJECT (the lupdate project .cmake written by
# qt_add_translations), GENERATOR (Qt's GenerateLUpdateProject.cmake), TS (the committed catalogue),
# WORK_DIR (a build folder), NAMESPACES ("|"-separated namespaces whose free functions have their own
# tr(), e.g. "cinetune|cinetune::ui").
cmake_minimum_required(VERSION 3.21)
foreach(v LUPDATE PROJECT GENERATOR TS WORK_DIR)
    if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
        message(FATAL_ERROR "CheckTranslations.cmake: ${v} is not set")
    endif()
endforeach()
foreach(f "${PROJECT}" "${GENERATOR}" "${TS}")
    if(NOT EXISTS "${f}")
        message(FATAL_ERROR "CheckTranslations.cmake: ${f} does not exist")
    endif()
endforeach()
string(REPLACE "|" ";" namespaces "${NAMESPACES}")

file(MAKE_DIRECTORY "${WORK_DIR}")
set(json "${WORK_DIR}/project.json")
set(copy "${WORK_DIR}/cinetune_de.ts")
file(COPY_FILE "${TS}" "${copy}")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT} -DOUT_FILE=${json} -P "${GENERATOR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project ${json}")
endif()
execute_process(COMMAND "${LUPDATE}" -project "${json}" -no-obsolete -locations none -ts "${copy}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(log "${out}\n${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}):\n${log}")
endif()

set(problems "")

# lupdate names the scope of a tr() call that has no declared context: fine for a namespace with
# its own tr(), a mismatch for a class (the code looks the message up elsewhere at run time).
string(REGEX MATCHALL "[^\n]*: Class '[^']*' lacks Q_OBJECT macro" warnings "${log}")
foreach(w IN LISTS warnings)
    string(REGEX REPLACE ".*Class '([^']*)' lacks.*" "\\1" scope "${w}")
    if(NOT scope IN_LIST namespaces)
        list(APPEND problems "${w}: a tr() call in a class that declares no context (add Q_DECLARE_TR_FUNCTIONS(${scope}) to the class, or, if ${scope} is a namespace with its own tr(), add it to NAMESPACES in ui/CMakeLists.txt)")
    endif()
endforeach()

# Messages lupdate added or left unfinished, by context. One element per line in lupdate's output;
# ";" and brackets are escaped so that a line is one CMake list element.
file(READ "${copy}" ts)
string(REPLACE ";" "@SEMICOLON@" ts "${ts}")
string(REPLACE "[" "@LBRACKET@" ts "${ts}")
string(REPLACE "]" "@RBRACKET@" ts "${ts}")
string(REPLACE "\n" ";" lines "${ts}")
set(context "")
set(source "")
set(missing 0)
foreach(line IN LISTS lines)
    if(line MATCHES "^ *<name>(.*)</name>")
        set(context "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^ *<source>(.*)")
        set(source "${CMAKE_MATCH_1}")
        string(REGEX REPLACE "</source>.*" "" source "${source}")
    elseif(line MATCHES "<translation[^>]*type=\"(unfinished|vanished|obsolete)\"")
        math(EXPR missing "${missing} + 1")
        list(APPEND problems "not translated: [${context}] \"${source}\"")
    endif()
endforeach()

string(REGEX MATCH "Found [0-9]+ source text\\(s\\) \\(([0-9]+) new" found "${log}")
set(new "${CMAKE_MATCH_1}")
string(REGEX MATCH "Removed ([0-9]+) obsolete" removed "${log}")
set(gone "${CMAKE_MATCH_1}")
if(gone AND NOT gone EQUAL 0)
    list(APPEND problems "${gone} message(s) of the catalogue are in no source any more")
endif()

if(problems)
    list(JOIN problems "\n  " text)
    string(REPLACE "@SEMICOLON@" ";" text "${text}")
    string(REPLACE "@LBRACKET@" "[" text "${text}")
    string(REPLACE "@RBRACKET@" "]" text "${text}")
    string(REPLACE "&apos;" "'" text "${text}")
    string(REPLACE "&quot;" "\"" text "${text}")
    string(REPLACE "&lt;" "<" text "${text}")
    string(REPLACE "&gt;" ">" text "${text}")
    string(REPLACE "&amp;" "&" text "${text}")
    message(FATAL_ERROR "translations/cinetune_de.ts is not complete for the declared sources "
        "(${missing} message(s) to translate, ${new} new).\n  ${text}\n"
        "Run `ninja cinetune_ui_lupdate`, translate the entries marked unfinished in "
        "translations/cinetune_de.ts (Qt Linguist or by hand) and remove their type=\"unfinished\".")
endif()
message(STATUS "translations/cinetune_de.ts covers every message of the declared sources")
