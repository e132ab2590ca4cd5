from roadmapctl.cli import main

main()
