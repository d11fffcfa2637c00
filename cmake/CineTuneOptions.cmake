# Compiler options shared by every CineTune target (an INTERFACE target to link against).
add_library(cinetune_options INTERFACE)
target_compile_definitions(cinetune_options INTERFACE
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(cinetune_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(CINETUNE_WERROR)
        target_compile_options(cinetune_options INTERFACE -Werror)
    endif()
    if(CINETUNE_FUZZ)
        # Coverage instrumentation for libFuzzer in every library the fuzz targets link.
        target_compile_options(cinetune_options INTERFACE -fsanitize=fuzzer-no-link)
    endif()
    if(CINETUNE_SANITIZE STREQUAL "thread")
        # ThreadSanitizer cannot be combined with ASan; scripts/tsan.sh builds with it.
        target_compile_options(cinetune_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(cinetune_options INTERFACE -fsanitize=thread)
    elseif(CINETUNE_SANITIZE)
        target_compile_options(cinetune_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                               -fno-sanitize-recover=undefined)
        target_link_options(cinetune_options INTERFACE -fsanitize=address,undefined)
    endif()
endif()
