# The version in one place: the project version, plus for development builds the number of commits
# and the commit ("0.1.0+dev.152.g1a2b3c4d"; "+dirty" with uncommitted changes). Release builds
# (-DMEMEDESK_RELEASE=ON) carry the plain project version. Used in script mode at every build
# (regenerating version.cpp only when the text changes) and included at configure time for CPack.
#   MEMEDESK_SOURCE_DIR, MEMEDESK_PROJECT_VERSION, MEMEDESK_RELEASE in; MEMEDESK_VERSION_FULL out.
function(memedesk_compute_version out)
  set(version "${MEMEDESK_PROJECT_VERSION}")
  if(NOT MEMEDESK_RELEASE)
    find_package(Git QUIET)
    if(GIT_FOUND AND EXISTS "${MEMEDESK_SOURCE_DIR}/.git")
      execute_process(COMMAND "${GIT_EXECUTABLE}" rev-list --count HEAD WORKING_DIRECTORY "${MEMEDESK_SOURCE_DIR}"
                      OUTPUT_VARIABLE count OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc1)
      execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=8 HEAD WORKING_DIRECTORY "${MEMEDESK_SOURCE_DIR}"
                      OUTPUT_VARIABLE hash OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc2)
      execute_process(COMMAND "${GIT_EXECUTABLE}" status --porcelain --untracked-files=no WORKING_DIRECTORY "${MEMEDESK_SOURCE_DIR}"
                      OUTPUT_VARIABLE dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(rc1 EQUAL 0 AND rc2 EQUAL 0)
        set(version "${version}+dev.${count}.g${hash}")
        if(dirty)
          set(version "${version}.dirty")
        endif()
      endif()
    endif()
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
  memedesk_compute_version(MEMEDESK_VERSION_FULL)
  string(TIMESTAMP MEMEDESK_BUILD_DATE "%Y-%m-%d" UTC)
  configure_file("${MEMEDESK_SOURCE_DIR}/engine/core/version.cpp.in" "${MEMEDESK_OUTPUT}.tmp" @ONLY)
  file(COPY_FILE "${MEMEDESK_OUTPUT}.tmp" "${MEMEDESK_OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${MEMEDESK_OUTPUT}.tmp")
endif()
