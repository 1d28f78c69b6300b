print("jobmatch: not yet")
