from confterm.cli import main

raise SystemExit(main())
