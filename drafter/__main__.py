from drafter.cli import main

main()
