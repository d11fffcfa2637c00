# Writes the man page and the bash completion from the built binary (cmake/Packaging.cmake,
# option CINETUNE_PACKAGE_DOCS):
#   OUT/generated-share/man/man1/cinetune.1.gz  from `cinetune help --man` (roff; gzip -9n as Debian wants)
#   OUT/generated-share/bash-completion/completions/cinetune  from `cinetune help --bash-completion`
# A binary without these commands (before the command registry in app/cli lands) gets neither
# file and a loud message; the install rules are OPTIONAL and the package check says NOT CHECKED.
# Args: -DBINARY=path -DOUT=dir -DGZIP=path
set(share "${OUT}/generated-share")
file(REMOVE_RECURSE "${share}")
file(MAKE_DIRECTORY "${share}")

execute_process(COMMAND "${BINARY}" help --man RESULT_VARIABLE man_rc OUTPUT_VARIABLE man ERROR_VARIABLE man_err)
if(man_rc EQUAL 0 AND man MATCHES "(^|\n)\\.TH ")
    file(WRITE "${share}/man/man1/cinetune.1" "${man}")
    execute_process(COMMAND "${GZIP}" -9nf "${share}/man/man1/cinetune.1" RESULT_VARIABLE gz_rc)
    if(NOT gz_rc EQUAL 0)
        message(FATAL_ERROR "gzip of the man page failed")
    endif()
    message(STATUS "Generated ${share}/man/man1/cinetune.1.gz")
else()
    message(WARNING "NOT GENERATED: the man page — `cinetune help --man` gave exit ${man_rc} and no roff "
                    "page (this binary has no command registry yet); the package will not contain cinetune(1).")
endif()

execute_process(COMMAND "${BINARY}" help --bash-completion RESULT_VARIABLE bc_rc OUTPUT_VARIABLE bc ERROR_VARIABLE bc_err)
if(bc_rc EQUAL 0 AND bc MATCHES "complete [^\n]*cinetune")
    file(WRITE "${share}/bash-completion/completions/cinetune" "${bc}")
    message(STATUS "Generated ${share}/bash-completion/completions/cinetune")
else()
    message(WARNING "NOT GENERATED: the bash completion — `cinetune help --bash-completion` gave exit ${bc_rc} "
                    "and no `complete` line; the package will not contain it.")
endif()
