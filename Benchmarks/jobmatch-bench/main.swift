print("jobmatch-bench: not yet")
