namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Which slots a compiled filter reads, as far as the engine asks: none, exactly one (which), or several. That is
    /// all it needs to push a filter before the joins, and it costs no set per query.
    /// </summary>
    internal struct SlotUse
    {
        private int _single; // slot index + 1; 0 while none is read
        private bool _several;

        public void Add(int slot)
        {
            if (_single == 0) _single = slot + 1;
            else if (_single != slot + 1) _several = true;
        }

        /// <summary>True when no slot, or only <paramref name="slot"/>, is read.</summary>
        public bool OnlyReads(int slot) => !_several && (_single == 0 || _single == slot + 1);
    }
}
