using System;

namespace Associations
{
    /// <summary>
    /// An operation could not be carried out: an unsaved instance, a key that matches no row,
    /// a violated constraint. The message names the model, the association and the key; the
    /// database's own error, when there is one, is the inner exception.
    /// </summary>
    public class AssociationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssociationException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>Creates the exception with its context.</summary>
        public AssociationException(string message, string? model, string? association, object? key, Exception? innerException = null)
            : base(message, innerException)
        {
            Model = model;
            Association = association;
            Key = key;
        }

        /// <summary>The model the operation was on.</summary>
        public string? Model { get; }

        /// <summary>The association, when the operation was an accessor.</summary>
        public string? Association { get; }

        /// <summary>The key involved, when one was.</summary>
        public object? Key { get; }
    }
}
