namespace NetMQ.Core.Transports
{
    /// <summary>
    /// V2Protocol is a class that contains two integer constants: MoreFlag and LargeFlag.
    /// </summary>
    internal static class V2Protocol
    {
        /// <summary>
        /// This is a constant-integer with the value 1.
        /// </summary>
        public const int MoreFlag = 1;

        /// <summary>
        /// This is a constant-integer with the value 2.
        /// </summary>
        public const int LargeFlag = 2;

        public const int CommandFlag = 4;
    }
}
