# CPack pre-build script (cmake/Packaging.cmake): CPACK_STRIP_FILES ran plain `strip`; remove the
# .comment and .note sections too, as Debian's dh_strip does (lintian: binary-has-unneeded-section).
find_program(_strip NAMES strip)
file(GLOB_RECURSE _bins "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/*")
foreach(_bin IN LISTS _bins)
    if(_strip)
        execute_process(COMMAND "${_strip}" --remove-section=.comment --remove-section=.note "${_bin}"
                        RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR "strip ${_bin} failed")
        endif()
    endif()
endforeach()
